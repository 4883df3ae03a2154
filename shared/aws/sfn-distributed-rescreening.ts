import { ExecutionAlreadyExists, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { versionExecutionName } from '../check/distributed-screening';
import type { DistributedRescreening } from '../ports';

/**
 * The check's one Step Functions call, StartExecution, on the distributed screening's state machine: an execution
 * named by the version, with `{ "version": n }` as its input. Step Functions keeps a name for 90 days: the same name
 * and input while the execution runs answer as the first start did, and after it closed answer
 * ExecutionAlreadyExists; either way a retried check starts nothing twice.
 */
export class SfnDistributedRescreening implements DistributedRescreening {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async screenVersion(version: number): Promise<{ execution: string; started: boolean }> {
    const execution = versionExecutionName(version);
    try {
      await this.client.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name: execution, input: JSON.stringify({ version }) }));
      return { execution, started: true };
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return { execution, started: false };
      const { name, message } = error as Error;
      throw new Error(`Step Functions StartExecution of ${execution} on ${this.stateMachineArn}: ${name}: ${message}`);
    }
  }
}
