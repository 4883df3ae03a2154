import { parseMonitorConfig } from '../../infra/config';
import { FULL_CONFIG, logicalIdOf, propertiesOf, resourcesOf, statementsOfRole, synthMonitor } from './synth';

/** The read API's wiring: IAM by default, JWT when configured, throttled, access-logged, reading the table only. */
const { stack, template } = synthMonitor(FULL_CONFIG);
const table = logicalIdOf(stack, stack.store.table);
const fn = logicalIdOf(stack, stack.readApi.function);

describe('the read API', () => {
  it('routes GET and HEAD /v1/* and exactly one POST, /v1/screen, to the API function, every route signed with IAM', () => {
    const routes = resourcesOf(template, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(['GET /v1/{proxy+}', 'HEAD /v1/{proxy+}', 'POST /v1/screen']);
    for (const route of routes) expect(route.AuthorizationType).toBe('AWS_IAM');
    expect(resourcesOf(template, 'AWS::ApiGatewayV2::Authorizer')).toHaveLength(0);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [fn, 'Arn'] },
      PayloadFormatVersion: '2.0',
    });
  });

  it('throttles the stage and writes JSON access logs that name the caller', () => {
    const [[, stage]] = resourcesOf(template, 'AWS::ApiGatewayV2::Stage') as [[string, { Properties: any }]];
    expect(stage.Properties).toMatchObject({ StageName: '$default', AutoDeploy: true, DefaultRouteSettings: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 } });
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', caller: '$context.identity.userArn', status: '$context.status' });
    expect(stage.Properties.AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': [logicalIdOf(stack, stack.readApi.accessLogs), 'Arn'] });
  });

  it('gives the function read-only rights: GetItem and Query on the table, the archive’s overflow folder, its own logs', () => {
    const role = (propertiesOf(template, fn).Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const statements = statementsOfRole(template, role);
    const dynamo = statements.filter((s) => JSON.stringify(s.Action).includes('dynamodb:'));
    expect(dynamo).toEqual([{ Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: { 'Fn::GetAtt': [table, 'Arn'] } }]);
    const others = statements.filter((s) => !dynamo.includes(s));
    expect(others.map((s) => s.Action)).toEqual([['logs:CreateLogStream', 'logs:PutLogEvents'], 's3:GetObject']);
    // The archive only for payloads the store moved there, read-only.
    expect(JSON.stringify(others[1]!.Resource)).toContain('/raw/overflow/*');
    expect((propertiesOf(template, fn).Environment as { Variables: object }).Variables).toEqual({
      TABLE_NAME: { Ref: table },
      ARCHIVE_BUCKET: { Ref: logicalIdOf(stack, stack.store.archive) },
      STALE_AFTER_HOURS: '12',
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it('puts the URL and the ARN to grant in the outputs', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown; Description: string }>;
    expect(JSON.stringify(outputs.ApiUrl!.Value)).toContain(logicalIdOf(stack, stack.readApi.httpApi));
    expect(outputs.ApiUrl!.Description).toMatch(/SigV4/);
    expect(JSON.stringify(outputs.ApiInvokeArn!.Value)).toContain('/GET/v1/*');
    expect(JSON.stringify(outputs.ApiScreenInvokeArn!.Value)).toContain('/POST/v1/screen');
  });

  it('uses a JWT authorizer instead when an issuer and audience are configured, and still passes cdk-nag', () => {
    const jwt = { issuer: 'https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Example', audience: ['screening-engine'] };
    const { template: withJwt } = synthMonitor({ ...FULL_CONFIG, api: { jwt, throttle: { rateLimit: 50, burstLimit: 100 } } }, { nag: true });
    withJwt.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: jwt.issuer, Audience: jwt.audience },
      IdentitySource: ['$request.header.Authorization'],
    });
    for (const [, route] of resourcesOf(withJwt, 'AWS::ApiGatewayV2::Route')) expect(route.Properties.AuthorizationType).toBe('JWT');
    withJwt.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 } });
  });

  it('creates a role that configured readers in other accounts assume, allowed GET and HEAD /v1/* and POST /v1/screen only', () => {
    const reader = 'arn:aws:iam::111122223333:role/screening-engine';
    const { stack: s, template: t } = synthMonitor({ ...FULL_CONFIG, api: { readerPrincipals: [reader] } }, { nag: true });
    const role = logicalIdOf(s, s.readApi.readerRole!);
    expect((propertiesOf(t, role).AssumeRolePolicyDocument as { Statement: unknown[] }).Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: reader } },
    ]);
    const statements = statementsOfRole(t, role);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ Effect: 'Allow', Action: 'execute-api:Invoke' });
    const resources = JSON.stringify(statements[0]!.Resource);
    expect(resources).toContain(logicalIdOf(s, s.readApi.httpApi));
    expect(resources).toContain('/GET/v1/*');
    expect(resources).toContain('/HEAD/v1/*');
    expect(resources).toContain('/POST/v1/screen"');
    expect(resources.match(/POST/g)).toHaveLength(1);
    expect(JSON.stringify((t.toJSON().Outputs as Record<string, { Value: unknown }>).ApiReaderRoleArn!.Value)).toContain(role);
    // Without readers there is no such role.
    expect(stack.readApi.readerRole).toBeUndefined();
  });

  it('has no CORS by default, and lets exactly the configured origins call it from a browser', () => {
    expect(propertiesOf(template, logicalIdOf(stack, stack.readApi.httpApi)).CorsConfiguration).toBeUndefined();
    const origins = ['https://compliance.intranet.example', 'https://screening.example.co.jp:8443'];
    const { stack: s, template: t } = synthMonitor({ ...FULL_CONFIG, api: { corsOrigins: origins } }, { nag: true });
    expect(propertiesOf(t, logicalIdOf(s, s.readApi.httpApi)).CorsConfiguration).toEqual({
      AllowOrigins: origins,
      AllowMethods: ['GET', 'HEAD', 'POST'],
      AllowHeaders: ['authorization', 'content-type', 'if-none-match', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'],
      ExposeHeaders: ['etag', 'content-disposition'],
      MaxAge: 3600,
    });
    const parse = (corsOrigins: unknown) => () => parseMonitorConfig({ api: { corsOrigins } }, 'monitor.config.json');
    expect(parse(['*'])).toThrow(/api\.corsOrigins\[0\]: must be an origin/);
    expect(parse(['http://intranet.example'])).toThrow(/api\.corsOrigins\[0\]/);
    expect(parse(['https://intranet.example/page'])).toThrow(/api\.corsOrigins\[0\]/);
  });

  it('refuses a JWT issuer that is not https, an empty audience, an unknown key, a reader that is not a role', () => {
    const parse = (api: unknown) => () => parseMonitorConfig({ api }, 'monitor.config.json');
    expect(parse({ jwt: { issuer: 'http://issuer.example', audience: ['a'] } })).toThrow(/api\.jwt\.issuer: must be an https:\/\/ issuer URL/);
    expect(parse({ jwt: { issuer: 'https://issuer.example', audience: [] } })).toThrow(/api\.jwt\.audience/);
    expect(parse({ throttle: { rateLimit: 0 } })).toThrow(/api\.throttle\.rateLimit/);
    expect(parse({ iam: true })).toThrow(/api/);
    expect(parse({ readerPrincipals: ['screening-engine'] })).toThrow(/api\.readerPrincipals\[0\]: must be an IAM role ARN/);
    expect(parse({ jwt: { issuer: 'https://issuer.example', audience: ['a'] }, readerPrincipals: ['arn:aws:iam::111122223333:role/x'] })).toThrow(
      /api\.readerPrincipals: applies to IAM authorization only/,
    );
  });
});
