import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { MonitorConfigInput } from '../../infra/config';
import { parseList } from '../../shared/mof/parse-list';
import { parseCustomers } from '../../shared/screening/customers';
import { type CustomerScreening, DEFAULT_THRESHOLD } from '../../shared/screening/schemas';
import { screenCustomers } from '../../shared/screening/screen';
import { ScreeningIndex } from '../../shared/screening/screening-index';
import { CsvRecords, MAY_2024_KEYS } from '../support/fixtures';
import { EXAMPLE_CONFIG, tableItems, type EmulatedStack } from './harness';

/** What the re-screening suites share: the configuration, the customer file, and how to read what the check did. */

export const CUSTOMERS_KEY = 'screening/customers.csv';
export const MLRO = 'mlro@example.com';
export const MLRO_PHONE = '+819011112222';

/** The deployable example with re-screening on: an email and an SMS recipient, the default threshold. */
export const SCREENING_EXAMPLE_CONFIG: MonitorConfigInput = {
  ...EXAMPLE_CONFIG,
  screening: { customersKey: CUSTOMERS_KEY, recipients: { email: [MLRO], sms: [MLRO_PHONE] } },
};

export interface CustomerRow {
  id: string;
  name: string;
  dob?: string;
  country?: string;
  entityType?: 'individual' | 'entity';
  /** The entry of 24 May 2024 the name is a variant of; absent for names that must match none of them. */
  variantOf?: string;
}

/**
 * A customer file as a Japanese bank might hold it: names of the 24 May 2024 designations written the way its
 * records differ from the list (a respelling, katakana in another order or rendering, another legal form, words
 * reordered), one variant of a name listed long before (not changed, so not re-screened), and common unlisted names.
 */
export const CUSTOMERS: CustomerRow[] = [
  { id: 'C-1001', name: 'Vladimir Mikheichyk', dob: '1970-05-16', country: 'RU', entityType: 'individual', variantOf: '029-000729' },
  { id: 'C-1002', name: 'ミヘイチク ウラジミル', entityType: 'individual', variantOf: '029-000729' },
  { id: 'C-1003', name: 'Azia Shipping Holdings Ltd', country: 'CY', entityType: 'entity', variantOf: '034-000003' },
  { id: 'C-1004', name: 'Ibeks Shipping', entityType: 'entity', variantOf: '034-000002' },
  { id: 'C-1005', name: 'Vostochnaja Stevedoring Company', entityType: 'entity', variantOf: '028-000262' },
  { id: 'C-1006', name: 'Firing Range Ashuluk', variantOf: '028-000266' },
  { id: 'C-1007', name: 'MG Flot OOO', entityType: 'entity', variantOf: '028-000258' },
  { id: 'C-1008', name: 'ボストーチナヤ港湾社', entityType: 'entity', variantOf: '028-000262' },
  // 029-000741 Sergei Petrov, on the list before 24 May: a match for a full screening, not for this change.
  { id: 'C-1009', name: 'Petrov Sergey', country: 'RU', entityType: 'individual' },
  { id: 'C-2001', name: 'Taro Sato', dob: '1985-04-01', country: 'JP', entityType: 'individual' },
  { id: 'C-2002', name: '佐藤 太郎', entityType: 'individual' },
  { id: 'C-2003', name: 'Mitsui & Co. Ltd', country: 'JP', entityType: 'entity' },
  { id: 'C-2004', name: 'John Smith' },
  { id: 'C-2005', name: 'ヤマダ ショウテン', entityType: 'entity' },
];

export const CUSTOMER_FILE =
  ['id,name,dob,country,entityType', ...CUSTOMERS.map((c) => [c.id, c.name, c.dob ?? '', c.country ?? '', c.entityType ?? ''].join(','))].join('\n') + '\n';

/** Customers in a file too large for the check (S3CustomerSource's MAX_CUSTOMERS, 200,000, and one). */
export const LARGE_FILE_CUSTOMERS = 200_001;

/** The bank's file, its unlisted customers repeated under new ids until it is over the check's 200,000. */
export function largeCustomerFile(): string {
  const unlisted = CUSTOMERS.filter((c) => !c.variantOf && c.id.startsWith('C-2'));
  const rows = [CUSTOMER_FILE.trimEnd()];
  for (let n = CUSTOMERS.length; n < LARGE_FILE_CUSTOMERS; n++) {
    const c = unlisted[n % unlisted.length]!;
    rows.push([`F-${String(n).padStart(7, '0')}`, c.name, c.dob ?? '', c.country ?? '', c.entityType ?? ''].join(','));
  }
  return `${rows.join('\n')}\n`;
}

/** What the screening code finds for the file against the twelve entries of 24 May: what the check must report for that change. */
export async function expectedMay2024(): Promise<CustomerScreening> {
  const listed = await listedEntries(CsvRecords.excerpt());
  const designated = listed.filter((e) => MAY_2024_KEYS.includes(e.key));
  if (designated.length !== 12) throw new Error(`expected the 12 entries of 24 May 2024 in the excerpt, found ${designated.length}`);
  return screenCustomers(new ScreeningIndex(designated), parseCustomers(CUSTOMER_FILE, 'customers.csv'), { threshold: DEFAULT_THRESHOLD, since: null });
}

/** What it finds for the whole file against the whole list the day before: the initial screening when screening is switched on. */
export async function expectedInitial(): Promise<CustomerScreening> {
  const listed = await listedEntries(CsvRecords.excerpt().without(MAY_2024_KEYS));
  return screenCustomers(new ScreeningIndex(listed), parseCustomers(CUSTOMER_FILE, 'customers.csv'), { threshold: DEFAULT_THRESHOLD, since: null });
}

async function listedEntries(records: CsvRecords) {
  const { entries } = await parseList(records.toBytes(), { fileName: 'shisantouketsu20260828.csv' });
  return entries.filter((e) => e.status === 'listed');
}

export const matchPairs = (screening: CustomerScreening) => screening.hits.flatMap((h) => h.matches.map((m) => `${h.customerId} ${m.key}`)).sort();

/** Uploads the customer file where the stack's `CustomerFileUpload` output says (`aws s3 cp customers.csv s3://…`). */
export async function uploadCustomerFile(stack: EmulatedStack): Promise<void> {
  const [, bucket, key] = /^aws s3 cp customers\.csv s3:\/\/([^/]+)\/(.+)$/.exec(stack.account.output('CustomerFileUpload')) ?? [];
  if (bucket !== stack.account.bucketName || key !== CUSTOMERS_KEY) throw new Error(`CustomerFileUpload names s3://${bucket}/${key}, not the archive's ${CUSTOMERS_KEY}`);
  await stack.account.clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: CUSTOMER_FILE, ContentType: 'text/csv' }));
}

export interface Published {
  topicArn: string;
  subject: string;
  structure: string | null;
  message: string;
}

/** What the check published (to any topic, taking effect) since the gateway's calls were last reset. */
export function published(stack: EmulatedStack): Published[] {
  return stack.gateway.calls
    .filter((c) => c.principal === stack.check.definition.roleLogicalId && c.action === 'sns:Publish' && !c.denied && c.failed !== 'before')
    .map((c) => {
      const form = new URLSearchParams(c.body);
      return { topicArn: form.get('TopicArn') ?? '', subject: form.get('Subject') ?? '', structure: form.get('MessageStructure'), message: form.get('Message') ?? '' };
    });
}

export async function screeningItems(stack: EmulatedStack): Promise<Array<Record<string, unknown>>> {
  return (await tableItems(stack.account)).filter((i) => String(i.sk).startsWith('SCREENING#'));
}

/** A list run's items (`SCREENING#<n:10>`), or a customers run's (`SCREENING#CUSTOMERS#<m:10>`). */
export const listRun = (version: number) => `SCREENING#${String(version).padStart(10, '0')}`;
export const customersRun = (run: number) => `SCREENING#CUSTOMERS#${String(run).padStart(10, '0')}`;

/** `<customer id> <entry key>` of each HIT item of a run (`<run>#HIT#<entry key>#<customer id>`). */
export function hitPairs(items: Array<Record<string, unknown>>, run: string): string[] {
  return items
    .map((i) => String(i.sk))
    .filter((sk) => sk.startsWith(`${run}#HIT#`))
    .map((sk) => /#HIT#(\d{3}-\d{6})#(.+)$/.exec(sk)!)
    .map(([, entry, customer]) => `${customer} ${entry}`)
    .sort();
}
