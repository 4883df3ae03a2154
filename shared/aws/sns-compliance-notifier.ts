import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { ComplianceNotifier } from '../ports';
import type { VersionRecord } from '../records';
import { type ComplianceMessage, renderScreeningDigest, renderScreeningStatus } from '../render/screening-digest';
import type { RescreenRun, ScreeningStatus } from '../screening/schemas';
import { perProtocol } from './sns-notifier';

export interface SnsComplianceNotifierOptions {
  client: SNSClient;
  /** The compliance topic: only people who may see customer ids subscribe to it (monitor.config.json). */
  topicArn: string;
}

/** One message per re-screened version with hits (the email in full, the SMS with counts only), and one when re-screening stops or resumes. */
export class SnsComplianceNotifier implements ComplianceNotifier {
  constructor(private readonly options: SnsComplianceNotifierOptions) {}

  publishMatches(run: RescreenRun, record: VersionRecord): Promise<void> {
    return this.publish(renderScreeningDigest(run, record));
  }

  publishStatus(status: ScreeningStatus): Promise<void> {
    return this.publish(renderScreeningStatus(status));
  }

  private async publish(message: ComplianceMessage): Promise<void> {
    await this.options.client.send(new PublishCommand(perProtocol(this.options.topicArn, message)));
  }
}
