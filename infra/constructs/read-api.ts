import { type CfnElement, CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { HttpIamAuthorizer, HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ARCHIVE_PREFIX } from '../check-contract';
import type { MonitorConfig } from '../config';
import { entryPath, functionLogsAndRole, projectFunction } from './node-function';

const API_ENTRY = entryPath('functions', 'api', 'handler.ts');

export interface ReadApiProps {
  readonly table: dynamodb.ITable;
  /** The archive: the store keeps a payload too big for a table item in its overflow folder. */
  readonly archive: s3.IBucket;
  readonly api: MonitorConfig['api'];
  readonly staleAfterHours: number;
  readonly logDays: number;
}

/** The one write-shaped route: screening takes a name in a JSON body, so that it never lands in an access log. */
const SCREEN_PATH = '/v1/screen';

/**
 * The read API (shared/query) behind an API Gateway HTTP API: GET and HEAD, plus POST /v1/screen alone, every route authorized (IAM by default, so
 * machines sign with their role; JWT when configured), throttled, access-logged as JSON. The function may only get
 * and query the table.
 */
export class ReadApi extends Construct {
  readonly function: lambda.IFunction;
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;
  /** The role other accounts' readers assume, when `readerPrincipals` are configured. */
  readonly readerRole?: iam.Role;

  constructor(scope: Construct, id: string, props: ReadApiProps) {
    super(scope, id);

    const { logGroup, role } = functionLogsAndRole(this, { logDays: props.logDays, description: 'The jp-sanctions-monitor read API: reads of its table, its logs' });
    logGroup.grantWrite(role);
    props.table.grant(role, 'dynamodb:GetItem', 'dynamodb:Query');
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [props.archive.arnForObjects(`${ARCHIVE_PREFIX}overflow/*`)] }));
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(props.archive)}.Arn>/${ARCHIVE_PREFIX}overflow/*]`,
      reason: 'Oversized store payloads are named by their sha256 under this one folder of the archive; s3:GetObject only.',
    });

    this.function = projectFunction(this, 'Function', {
      entry: API_ENTRY,
      memorySize: 1024,
      // API Gateway waits at most 30 s; an export of the whole list is the longest answer.
      timeout: Duration.seconds(29),
      role,
      logGroup,
      environment: { TABLE_NAME: props.table.tableName, ARCHIVE_BUCKET: props.archive.bucketName, STALE_AFTER_HOURS: String(props.staleAfterHours) },
    });
    Validations.of(this.function).acknowledge(
      {
        id: 'Serverless-LambdaTracing',
        reason: 'A read of one table per request; API Gateway access logs and the function logs say which request failed and how long it took.',
      },
      { id: 'Serverless-LambdaDLQ', reason: 'Invoked synchronously by API Gateway only: a failure is the caller\'s 5xx, there is no event to keep.' },
      { id: 'Serverless-LambdaAsyncFailureDestination', reason: 'Invoked synchronously by API Gateway only: there are no asynchronous invocations to fail.' },
    );

    const jwt = props.api.jwt;
    const authorizer = jwt
      ? new HttpJwtAuthorizer('Jwt', jwt.issuer, { jwtAudience: jwt.audience, identitySource: ['$request.header.Authorization'] })
      : new HttpIamAuthorizer();
    this.httpApi = new apigw.HttpApi(this, 'Api', {
      description: 'jp-sanctions-monitor read API: versions, changes since, entry timelines, exports (GET /v1/...)',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      // API Gateway answers the preflight itself (before any authorizer) and adds the headers to every answer.
      ...(props.api.corsOrigins.length > 0 && {
        corsPreflight: {
          allowOrigins: props.api.corsOrigins,
          allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.HEAD, apigw.CorsHttpMethod.POST],
          allowHeaders: ['authorization', 'content-type', 'if-none-match', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'],
          exposeHeaders: ['etag', 'content-disposition'],
          maxAge: Duration.hours(1),
        },
      }),
    });
    const integration = new HttpLambdaIntegration('Read', this.function, { payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0 });
    this.httpApi.addRoutes({ path: '/v1/{proxy+}', methods: [apigw.HttpMethod.GET, apigw.HttpMethod.HEAD], integration });
    this.httpApi.addRoutes({ path: SCREEN_PATH, methods: [apigw.HttpMethod.POST], integration });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: props.logDays as logs.RetentionDays, removalPolicy: RemovalPolicy.DESTROY });
    this.stage = new apigw.HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.api.throttle.rateLimit, burstLimit: props.api.throttle.burstLimit },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            caller: jwt ? '$context.authorizer.claims.sub' : '$context.identity.userArn',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            bytes: '$context.responseLength',
            latencyMs: '$context.integrationLatency',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    if (props.api.readerPrincipals.length > 0 && !jwt) {
      this.readerRole = new iam.Role(this, 'ReaderRole', {
        description: 'Assumed by systems in other accounts to read the jp-sanctions-monitor history API (GET /v1/* and POST /v1/screen only)',
        assumedBy: new iam.CompositePrincipal(...props.api.readerPrincipals.map((arn) => new iam.ArnPrincipal(arn))),
        maxSessionDuration: Duration.hours(1),
      });
      this.grantRead(this.readerRole);
      const api = logicalIdOf(this.httpApi);
      const reason =
        'execute-api:Invoke on GET and HEAD /v1/* and POST /v1/screen of this one API, any stage: the wildcards are the stage and the path below /v1/, every route of which reads only.';
      Validations.of(this.readerRole).acknowledge(
        ...[`GET/v1/*`, `HEAD/v1/*`, `POST${SCREEN_PATH}`].map((route) => ({
          id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:<${api}>/*/${route}]`,
          reason,
        })),
      );
    }
  }

  /** execute-api:Invoke on GET and HEAD /v1/* and POST /v1/screen of this API, for the reader role or any principal a deployer adds. */
  grantRead(grantee: iam.IGrantable): void {
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['execute-api:Invoke'],
      resourceArns: [this.httpApi.arnForExecuteApi('GET', '/v1/*'), this.httpApi.arnForExecuteApi('HEAD', '/v1/*'), this.httpApi.arnForExecuteApi('POST', SCREEN_PATH)],
    });
  }

  /** The base URL a caller signs requests to. */
  get url(): string {
    return this.stage.url;
  }
}

export function addReadApiOutputs(scope: Construct, api: ReadApi, jwt: boolean): void {
  new CfnOutput(scope, 'ApiUrl', {
    value: api.url,
    description: jwt
      ? 'The read API (GET /v1/...); send a bearer token from the configured issuer'
      : 'The read API (GET /v1/...); sign requests with SigV4 (service execute-api) from a role allowed execute-api:Invoke',
  });
  if (api.readerRole) {
    new CfnOutput(scope, 'ApiReaderRoleArn', {
      value: api.readerRole.roleArn,
      description: 'The configured readerPrincipals assume this role and sign their requests with its credentials (SigV4, service execute-api)',
    });
  }
  new CfnOutput(scope, 'ApiInvokeArn', {
    value: api.httpApi.arnForExecuteApi('GET', '/v1/*'),
    description: 'Grant execute-api:Invoke on this ARN to the roles that may read the history',
  });
  new CfnOutput(scope, 'ApiScreenInvokeArn', {
    value: api.httpApi.arnForExecuteApi('POST', SCREEN_PATH),
    description: 'Grant execute-api:Invoke on this ARN too to the roles that may screen names (POST /v1/screen, a JSON body)',
  });
}

function logicalIdOf(resource: Construct): string {
  const stack = Stack.of(resource);
  return stack.resolve(stack.getLogicalId(resource.node.defaultChild as CfnElement)) as string;
}
