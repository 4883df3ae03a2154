import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { Construct } from 'constructs';

/**
 * cdk-nag's AwsSolutions and Serverless packs on the whole app. An unacknowledged finding fails synth; each
 * acknowledgement sits next to the resource it concerns, with its reason.
 */
export function addComplianceChecks(app: Construct): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}
