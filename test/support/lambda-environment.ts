import type { EmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';

/**
 * What a Lambda's environment gives its SDK clients, pointed at the embedded DynamoDB (dynalite on 127.0.0.1):
 * a handler under test builds its clients from the environment exactly as in AWS.
 */
export function lambdaEnvironment(dynamo: EmbeddedDynamoDb): Record<string, string> {
  return {
    AWS_REGION: 'ap-northeast-1',
    // The store answers only requests signed with the credentials it was started with.
    AWS_ACCESS_KEY_ID: dynamo.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: dynamo.credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    TABLE_NAME: dynamo.tableName,
  };
}
