import { SCREENING_BATCH_ITEMS, SCREENING_CONCURRENCY, SCREENING_RUN_HOURS } from '../../shared/screening/batching';
import { FULL_CONFIG, logicalIdOf, propertiesOf, resourcesOf, SCREENING_CONFIG, statementsOfRole, synthMonitor } from './synth';

/**
 * The screening of a whole customer file on Step Functions' distributed map, as synthesized (screening on). moto
 * cannot run a distributed map (it rejects ItemBatcher), so the definition is checked here: its shape, the Amazon
 * States Language's structural rules (every transition lands on a state, every path ends), and the roles.
 */
const { stack, template } = synthMonitor(SCREENING_CONFIG);
const screening = stack.distributedScreening!;
const CUSTOMERS_KEY = 'screening/customers.csv';
const archive = logicalIdOf(stack, stack.store.archive);
const roleOf = (fn: unknown) => (propertiesOf(template, logicalIdOf(stack, fn as never)).Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];

type State = Record<string, unknown> & { Type: string; Next?: string; End?: boolean };
type Definition = { StartAt: string; States: Record<string, State> };

/** The definition as deployed, with the template's tokens written as `<id>`. */
function definition(): Definition {
  const [, machine] = resourcesOf(template, 'AWS::StepFunctions::StateMachine')[0]!;
  const parts = (machine.Properties.DefinitionString as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
  const text = parts.map((p) => (typeof p === 'string' ? p : `<${JSON.stringify(p).replace(/"/g, "'")}>`)).join('');
  return JSON.parse(text) as Definition;
}

/** ASL's structural rules: StartAt names a state; every Next, Default, Choice and Catch target exists; every state is reached; a path ends. */
function structuralErrors(machine: Definition, where = 'top level'): string[] {
  const errors: string[] = [];
  const names = new Set(Object.keys(machine.States));
  if (!names.has(machine.StartAt)) errors.push(`${where}: StartAt ${machine.StartAt} is no state`);
  const reached = new Set([machine.StartAt]);
  for (const [name, state] of Object.entries(machine.States)) {
    const targets = [state.Next, state.Default, ...((state.Catch as Array<{ Next: string }> | undefined) ?? []).map((c) => c.Next), ...((state.Choices as Array<{ Next: string }> | undefined) ?? []).map((c) => c.Next)].filter(
      (t): t is string => typeof t === 'string',
    );
    for (const target of targets) {
      if (!names.has(target)) errors.push(`${where}: ${name} goes to ${target}, which is no state`);
      reached.add(target);
    }
    const terminal = state.Type === 'Succeed' || state.Type === 'Fail' || state.End === true;
    if (state.Type !== 'Choice' && terminal === (state.Next !== undefined)) errors.push(`${where}: ${name} must have exactly one of Next and End`);
    const processor = state.ItemProcessor as Definition | undefined;
    if (processor) errors.push(...structuralErrors(processor, `${where} > ${name}`));
  }
  for (const name of names) if (!reached.has(name)) errors.push(`${where}: ${name} is never reached`);
  return errors;
}

describe('screening on: the distributed map over the customer file', () => {
  const machine = definition();
  const map = Object.values(machine.States).find((s) => s.Type === 'Map')!;

  it('keeps the Amazon States Language’s structural rules, in the map’s processor too', () => {
    expect(structuralErrors(machine)).toEqual([]);
    expect(structuralErrors({ StartAt: 'x', States: { y: { Type: 'Pass', Next: 'z' } } })).toEqual([
      'top level: StartAt x is no state',
      'top level: y goes to z, which is no state',
      'top level: y is never reached',
    ]);
  });

  it('reads the customer file from the archive as CSV, with the five columns given, in batches of at most 256 KiB', () => {
    expect(map.ItemReader).toEqual({
      Resource: expect.stringMatching(/:states:::s3:getObject$/),
      ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['id', 'name', 'dob', 'country', 'entityType'] },
      // The version the run pinned (the uploaded one): a file uploaded during the run is not read by it.
      Parameters: { 'Bucket.$': '$.source.bucket', Key: CUSTOMERS_KEY, 'VersionId.$': '$.run.versionId' },
    });
    expect(machine.States['Name the customer file']).toMatchObject({ Type: 'Pass', Result: { bucket: `<{'Ref':'${archive}'}>` } });
    expect(map.ItemSelector).toEqual({ 'row.$': '$$.Map.Item.Index', 'values.$': '$$.Map.Item.Value' });
    expect(map.ItemBatcher).toEqual({
      MaxItemsPerBatch: SCREENING_BATCH_ITEMS,
      MaxInputBytesPerBatch: expect.any(Number),
      BatchInput: { 'trigger.$': '$.run.trigger', 'version.$': '$.run.version', 'run.$': '$.run.run', 'previous.$': '$.run.previous' },
    });
    expect((map.ItemBatcher as { MaxInputBytesPerBatch: number }).MaxInputBytesPerBatch).toBeLessThanOrEqual(256 * 1024);
    expect(map.MaxConcurrency).toBe(SCREENING_CONCURRENCY);
    // No tolerated failure: absent means zero.
    expect(map.ToleratedFailurePercentage ?? 0).toBe(0);
    expect(map.ToleratedFailureCount ?? 0).toBe(0);
  });

  const runStep = {
    'trigger.$': '$.Payload.trigger', 'version.$': '$.Payload.version', 'run.$': '$.Payload.run', 'previous.$': '$.Payload.previous',
    'versionId.$': '$.Payload.versionId', 'next.$': '$.Payload.next',
  };

  it('starts a run from the execution’s input: an upload’s ({ object: { versionId } }) or a version the check hands over ({ version })', () => {
    expect(machine.States['Fix the version and run']).toMatchObject({
      Parameters: { Payload: { step: 'start', 'request.$': '$$.Execution.Input', 'execution.$': '$$.Execution.Name' } },
      ResultSelector: runStep,
      ResultPath: '$.run',
      Next: 'Whose file, and whose turn?',
    });
    expect(machine.States['Fix the version and run']!.Retry).toContainEqual({ ErrorEquals: ['States.ALL'], IntervalSeconds: 5, MaxAttempts: 3, BackoffRate: 2 });
  });

  it('leaves a file the check holds, waits while the run before is under way, and screens otherwise', () => {
    const choice = machine.States['Whose file, and whose turn?']!;
    expect(choice).toMatchObject({
      Type: 'Choice',
      Choices: [
        { Variable: '$.run.next', StringEquals: 'leave', Next: 'Left to the check, or screened already' },
        { Variable: '$.run.next', StringEquals: 'wait', Next: 'Wait for the run before' },
      ],
      Default: 'Screen every batch',
    });
    expect(machine.States['Left to the check, or screened already']).toMatchObject({ Type: 'Succeed' });
    expect(machine.States['Wait for the run before']).toMatchObject({ Type: 'Wait', Seconds: 30, Next: 'Ask whether the run before is done' });
    expect(machine.States['Ask whether the run before is done']).toMatchObject({
      Parameters: { Payload: { step: 'turn', 'input.$': '$.run' } },
      ResultSelector: runStep,
      ResultPath: '$.run',
      Next: 'Whose file, and whose turn?',
    });
    // The wait counts in the execution's time: as long as a run number's claim lasts (SCREENING_RUN_HOURS).
    expect((machine as Definition & { TimeoutSeconds?: number }).TimeoutSeconds).toBe(SCREENING_RUN_HOURS * 3600);
  });

  it('hands each batch to the screening worker in an Express child, retried, and records the run after the map', () => {
    const processor = map.ItemProcessor as Definition & { ProcessorConfig: unknown };
    expect(processor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' });
    const screen = processor.States[processor.StartAt]!;
    expect(screen).toMatchObject({ Type: 'Task', End: true, Resource: `<{'Fn::GetAtt':['${logicalIdOf(stack, screening.worker)}','Arn']}>` });
    expect(screen.Retry).toContainEqual({ ErrorEquals: ['States.ALL'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 });
    expect(map.Next).toBe('Record the run and send its digest');
    expect(machine.States[map.Next!]).toMatchObject({ End: true, Parameters: { Payload: { step: 'finish', 'input.$': '$.run', 'request.$': '$$.Execution.Input' } } });
    // An id repeated across batches: told by the step itself, so not retried (it would tell again), and the execution fails.
    const finish = machine.States[map.Next!]!;
    const retriers = (finish.Retry as Array<{ ErrorEquals: string[]; MaxAttempts: number }>).map((r) => r.ErrorEquals.join());
    // So is a customer file that shrank (the operator accepts it by an execution's input, which the step is given).
    expect(retriers.indexOf('RepeatedCustomerId,CustomerFileShrunk')).toBeLessThan(retriers.indexOf('States.ALL'));
    expect((finish.Retry as Array<{ ErrorEquals: string[] }>).find((r) => r.ErrorEquals.includes('RepeatedCustomerId'))).toEqual({ ErrorEquals: ['RepeatedCustomerId', 'CustomerFileShrunk'], MaxAttempts: 0 });
    expect(finish.Catch).toEqual([
      { ErrorEquals: ['RepeatedCustomerId'], Next: 'A customer id is repeated' },
      { ErrorEquals: ['CustomerFileShrunk'], Next: 'The customer file shrank' },
    ]);
    expect(machine.States['A customer id is repeated']).toMatchObject({ Type: 'Fail', Error: 'RepeatedCustomerId' });
    expect(machine.States['The customer file shrank']).toMatchObject({ Type: 'Fail', Error: 'CustomerFileShrunk' });
  });

  it('on a failed map tells the operator and the compliance channel, then fails the execution (which the alarm counts)', () => {
    expect(map.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Tell that screening stopped' }]);
    const tell = machine.States['Tell that screening stopped']!;
    expect(tell).toMatchObject({ Parameters: { Payload: { step: 'fail', 'input.$': '$.run', 'error.$': '$.error' } }, Next: 'Screening stopped' });
    expect(machine.States['Screening stopped']).toMatchObject({ Type: 'Fail', Error: 'ScreeningStopped' });
    const alarm = propertiesOf(template, logicalIdOf(stack, screening.failedRuns));
    const metrics = (alarm.Metrics as Array<{ Id: string; MetricStat?: { Metric: { MetricName: string } } }>).filter((m) => m.MetricStat);
    expect(metrics.map((m) => m.MetricStat!.Metric.MetricName).sort()).toEqual(['ExecutionsAborted', 'ExecutionsFailed', 'ExecutionsTimedOut']);
    expect(alarm.AlarmActions).toEqual([{ Ref: logicalIdOf(stack, stack.notifications.operatorTopic) }]);
  });

  it('starts on an upload of the customer file’s key alone, through EventBridge, with a dead-letter queue', () => {
    expect((propertiesOf(template, archive).NotificationConfiguration as object)).toEqual({ EventBridgeConfiguration: { EventBridgeEnabled: true } });
    const [, rule] = resourcesOf(template, 'AWS::Events::Rule')[0]!;
    expect(rule.Properties.EventPattern).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { bucket: { name: [{ Ref: archive }] }, object: { key: [CUSTOMERS_KEY] } },
    });
    expect(rule.Properties.Targets).toEqual([
      expect.objectContaining({
        Arn: { Ref: logicalIdOf(stack, screening.stateMachine) },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(stack, screening.deadLetterQueue), 'Arn'] } },
        // The execution's input names the uploaded object's version, from the event.
        InputTransformer: {
          InputPathsMap: { 'detail-object-version-id': '$.detail.object.version-id' },
          InputTemplate: '{"object":{"versionId":<detail-object-version-id>}}',
        },
      }),
    ]);
    expect(propertiesOf(template, archive).VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });

  it('logs every state without its data (customer names), keeps the worker at 1 GB, and keeps nothing when off', () => {
    const [, machineResource] = resourcesOf(template, 'AWS::StepFunctions::StateMachine')[0]!;
    expect(machineResource.Properties.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
    expect(propertiesOf(template, logicalIdOf(stack, screening.worker)).MemorySize).toBeLessThanOrEqual(1024);
    const off = synthMonitor(FULL_CONFIG);
    expect(off.stack.distributedScreening).toBeUndefined();
    off.template.resourceCountIs('AWS::StepFunctions::StateMachine', 0);
    expect(propertiesOf(off.template, logicalIdOf(off.stack, off.stack.store.archive)).NotificationConfiguration).toBeUndefined();
  });
});

describe('screening on: the distributed screening’s least privilege', () => {
  const actionsOf = (role: string) =>
    statementsOfRole(template, role)
      .map((s) => `${[s.Action].flat().join(',')} ${JSON.stringify(s.Resource)}${s.Condition ? ` if ${JSON.stringify(s.Condition)}` : ''}`)
      .sort();
  const objects = (suffix: string) => JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [archive, 'Arn'] }, suffix]] });
  const table = JSON.stringify({ 'Fn::GetAtt': [logicalIdOf(stack, stack.store.table), 'Arn'] });
  const bucket = JSON.stringify({ 'Fn::GetAtt': [archive, 'Arn'] });
  const listRuns = ` if ${JSON.stringify({ StringLike: { 's3:prefix': ['screening/runs/*'] } })}`;

  it('the worker reads the list and its batch files, writes its batch files, and nothing else (no topic, no customer file)', () => {
    expect(actionsOf(roleOf(screening.worker))).toEqual(
      [
        `dynamodb:GetItem,dynamodb:Query ${table}`,
        `s3:GetObject ${objects('/raw/overflow/*')}`,
        `s3:GetObject,s3:PutObject ${objects('/screening/runs/*')}`,
        `s3:ListBucket ${bucket}${listRuns}`,
      ].sort(),
    );
  });

  it('the steps read the batch files and the customer file, write the screening log, and publish to the compliance and operator topics only', () => {
    const statements = actionsOf(roleOf(screening.steps));
    expect(statements).toContain(`s3:GetObject [${objects('/raw/overflow/*')},${objects('/screening/runs/*')}]`);
    // The customer file's key alone, in the version a run pinned.
    expect(statements).toContain(`s3:GetObject,s3:GetObjectVersion ${objects(`/${CUSTOMERS_KEY}`)}`);
    expect(statements).toContain(`sns:Publish [${JSON.stringify({ Ref: logicalIdOf(stack, stack.notifications.complianceTopic!) })},${JSON.stringify({ Ref: logicalIdOf(stack, stack.notifications.operatorTopic) })}]`);
    expect(statements.filter((s) => s.startsWith('s3:PutObject') || s.includes('s3:PutObject'))).toEqual([]);
    expect(statements.filter((s) => s.startsWith('dynamodb:')).join(' ')).not.toMatch(/DeleteItem|Scan/);
  });

  it('the check may start this state machine’s executions and nothing else of it, and is told its ARN', () => {
    const check = logicalIdOf(stack, stack.check.role);
    const states = statementsOfRole(template, check).filter((s) => [s.Action].flat().some((a) => String(a).startsWith('states:')));
    expect(states).toEqual([{ Effect: 'Allow', Action: 'states:StartExecution', Resource: { Ref: logicalIdOf(stack, screening.stateMachine) } }]);
    const variables = (propertiesOf(template, logicalIdOf(stack, stack.check.function)).Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables.SCREENING_STATE_MACHINE_ARN).toEqual({ Ref: logicalIdOf(stack, screening.stateMachine) });
    // No other role may start it: the upload's rule has its own role for that, the machine's own role starts its map's
    // children; the steps and worker have none.
    const machineRef = JSON.stringify({ Ref: logicalIdOf(stack, screening.stateMachine) });
    const starters = resourcesOf(template, 'AWS::IAM::Policy')
      .filter(([, p]) => (p.Properties.PolicyDocument as { Statement: Array<{ Action: unknown; Resource: unknown }> }).Statement.some(
        (s) => [s.Action].flat().includes('states:StartExecution') && [s.Resource].flat().some((r) => JSON.stringify(r) === machineRef),
      ))
      .flatMap(([, p]) => (p.Properties.Roles as Array<{ Ref: string }>).map((r) => r.Ref));
    expect(starters).toHaveLength(3);
    expect(starters).toEqual(expect.arrayContaining([check, expect.stringContaining('ScreeningStateMachineEventsRole'), logicalIdOf(stack, screening.stateMachine.role as never)]));
  });

  it('the state machine invokes its two functions, reads the customer file’s key alone, and runs its own children', () => {
    const statements = actionsOf(logicalIdOf(stack, screening.stateMachine.role as never));
    const s3 = statements.filter((s) => s.startsWith('s3:'));
    expect(s3).toEqual([`s3:GetObject,s3:GetObjectVersion ${objects(`/${CUSTOMERS_KEY}`)}`]);
    const invoked = statements.filter((s) => s.startsWith('lambda:InvokeFunction')).join(' ');
    for (const fn of [screening.worker, screening.steps]) expect(invoked).toContain(logicalIdOf(stack, fn));
    const policies = resourcesOf(template, 'AWS::IAM::Policy').filter(([id]) => id.includes('DistributedMapPolicy'));
    const mapActions = policies.flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[] }> }).Statement.flatMap((s) => [s.Action].flat()));
    expect(mapActions.sort()).toEqual(['states:DescribeExecution', 'states:RedriveExecution', 'states:StartExecution', 'states:StopExecution']);
  });
});
