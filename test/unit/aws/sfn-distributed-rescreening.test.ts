import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand, StateMachineDoesNotExist } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { SfnDistributedRescreening } from '../../../shared/aws/sfn-distributed-rescreening';

/**
 * The check's StartExecution, with the exact SDK command asserted, and Step Functions' answers: started;
 * ExecutionAlreadyExists (an earlier check started it: nothing started twice); any other error thrown, named. The
 * wire itself runs in test/aws/rescreen-handover.test.ts, against moto's Step Functions.
 */
const STATE_MACHINE = 'arn:aws:states:ap-northeast-1:123456789012:stateMachine:Screening';
const sfn = mockClient(SFNClient);
const machine = () => new SfnDistributedRescreening(new SFNClient({ region: 'ap-northeast-1' }), STATE_MACHINE);

beforeEach(() => sfn.reset());

describe('SfnDistributedRescreening', () => {
  it('starts the execution named by the version, with the version as its input', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: `${STATE_MACHINE.replace('stateMachine', 'execution')}:version-7`, startDate: new Date() });
    expect(await machine().screenVersion(7)).toEqual({ execution: 'version-7', started: true });
    expect(sfn.commandCalls(StartExecutionCommand).map((c) => c.args[0].input)).toEqual([{ stateMachineArn: STATE_MACHINE, name: 'version-7', input: '{"version":7}' }]);
  });

  it('an execution of that name already started (an earlier check): nothing started twice', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'Execution Already Exists: version-7', $metadata: {} }));
    expect(await machine().screenVersion(7)).toEqual({ execution: 'version-7', started: false });
  });

  it('any other refusal is thrown, naming the execution, the state machine and the error', async () => {
    sfn.on(StartExecutionCommand).rejects(new StateMachineDoesNotExist({ message: 'State Machine Does Not Exist', $metadata: {} }));
    await expect(machine().screenVersion(8)).rejects.toThrow(`Step Functions StartExecution of version-8 on ${STATE_MACHINE}: StateMachineDoesNotExist: State Machine Does Not Exist`);
  });
});
