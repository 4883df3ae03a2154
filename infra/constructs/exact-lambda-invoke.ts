import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { IScheduleTarget } from 'aws-cdk-lib/aws-scheduler';
import { ScheduleTargetBase, type ScheduleTargetBaseProps } from 'aws-cdk-lib/aws-scheduler-targets';

/**
 * Like `LambdaInvoke`, but the scheduler's role may invoke the unqualified function only. `LambdaInvoke` grants
 * `<function arn>:*` as well (every version and alias), which this stack never publishes.
 */
export class ExactLambdaInvoke extends ScheduleTargetBase implements IScheduleTarget {
  constructor(
    private readonly func: lambda.IFunction,
    props: ScheduleTargetBaseProps,
  ) {
    super(props, func.functionArn);
  }

  protected addTargetActionToRole(role: iam.IRole): void {
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.func.functionArn] }));
  }
}
