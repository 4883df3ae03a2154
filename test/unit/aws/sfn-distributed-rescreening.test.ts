import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SfnDistributedRescreening } from '../../../shared/aws/sfn-distributed-rescreening';

/**
 * The check's StartExecution, against a loopback server standing in for Step Functions: the request as AWS's JSON
 * 1.0 protocol has it (target, content type, a Signature V4 for the `states` service, the execution named by the
 * version with the version as input), and Step Functions' answers: started; ExecutionAlreadyExists (an earlier check
 * started it: nothing started twice); any other error thrown, named.
 */
const STATE_MACHINE = 'arn:aws:states:ap-northeast-1:123456789012:stateMachine:Screening';
let server: Server;
let endpoint: string;
const requests: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
let answer: { status: number; body: object } = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      requests.push({ headers: request.headers, body });
      response.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const machine = () => new SfnDistributedRescreening({
  stateMachineArn: STATE_MACHINE, region: 'ap-northeast-1', endpoint,
  credentials: async () => ({ accessKeyId: 'AKIDCHECKROLE', secretAccessKey: 'secret', sessionToken: 'token' }),
});

describe('SfnDistributedRescreening', () => {
  it('starts the execution named by the version, with the version as its input, signed for Step Functions', async () => {
    answer = { status: 200, body: { executionArn: `${STATE_MACHINE.replace('stateMachine', 'execution')}:version-7`, startDate: 1 } };
    expect(await machine().screenVersion(7)).toEqual({ execution: 'version-7', started: true });
    const { headers, body } = requests.at(-1)!;
    expect(headers['x-amz-target']).toBe('AWSStepFunctions.StartExecution');
    expect(headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDCHECKROLE\/\d{8}\/ap-northeast-1\/states\/aws4_request, SignedHeaders=[^,]*host;[^,]*x-amz-target[^,]*, Signature=[0-9a-f]{64}$/);
    expect(headers['x-amz-security-token']).toBe('token');
    expect(JSON.parse(body)).toEqual({ stateMachineArn: STATE_MACHINE, name: 'version-7', input: '{"version":7}' });
  });

  it('an execution of that name already started (an earlier check): nothing started twice', async () => {
    answer = { status: 400, body: { __type: 'com.amazonaws.swf.service.v2.model#ExecutionAlreadyExists', message: 'Execution Already Exists: version-7' } };
    expect(await machine().screenVersion(7)).toEqual({ execution: 'version-7', started: false });
  });

  it('any other refusal is thrown, naming the execution, the state machine and the error', async () => {
    answer = { status: 400, body: { __type: 'StateMachineDoesNotExist', message: 'State Machine Does Not Exist' } };
    await expect(machine().screenVersion(8)).rejects.toThrow(`Step Functions StartExecution of version-8 on ${STATE_MACHINE}: 400 StateMachineDoesNotExist`);
    answer = { status: 400, body: { __type: 'AccessDeniedException', message: 'not authorized to perform: states:StartExecution' } };
    await expect(machine().screenVersion(8)).rejects.toThrow('AccessDeniedException');
  });
});
