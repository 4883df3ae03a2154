/**
 * What CloudFormation would substitute into the synthesized template, for the intrinsics this stack uses. A value
 * the emulated account has not created yet, or an intrinsic it does not know, throws: a template that starts to
 * depend on something new must fail here rather than resolve to a guess.
 */

export interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
}

export interface TemplateJson {
  Resources: Record<string, Resource>;
  Outputs?: Record<string, { Value: unknown }>;
}

export interface Physical {
  /** What `Ref` gives: a table or bucket name, a topic ARN, a queue URL. */
  ref: string;
  arn?: string;
}

export class TemplateValues {
  private readonly physical = new Map<string, Physical>();

  constructor(
    readonly template: TemplateJson,
    readonly region: string,
    readonly account: string,
  ) {}

  define(logicalId: string, value: Physical): void {
    this.physical.set(logicalId, value);
  }

  physicalOf(logicalId: string): Physical {
    const value = this.physical.get(logicalId);
    if (!value) throw new Error(`the template refers to ${logicalId} (${this.template.Resources[logicalId]?.Type ?? 'not a resource'}), which the emulated account has not created`);
    return value;
  }

  resourcesOf(type: string): Array<[string, Record<string, unknown>]> {
    return Object.entries(this.template.Resources)
      .filter(([, r]) => r.Type === type)
      .map(([id, r]) => [id, r.Properties ?? {}]);
  }

  resolve(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v));
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value);
    const [key, arg] = entries[0] ?? [];
    if (entries.length === 1 && key !== undefined && (key === 'Ref' || key.startsWith('Fn::'))) return this.intrinsic(key, arg);
    return Object.fromEntries(entries.map(([k, v]) => [k, this.resolve(v)]));
  }

  string(value: unknown): string {
    const resolved = this.resolve(value);
    if (typeof resolved !== 'string') throw new Error(`expected a string, got ${JSON.stringify(resolved)}`);
    return resolved;
  }

  private intrinsic(name: string, arg: unknown): unknown {
    switch (name) {
      case 'Ref':
        return this.ref(arg as string);
      case 'Fn::GetAtt': {
        const [id, attribute] = arg as [string, string];
        if (attribute !== 'Arn') throw new Error(`Fn::GetAtt ${id}.${attribute} is not emulated`);
        const { arn } = this.physicalOf(id);
        if (!arn) throw new Error(`${id} has no Arn in the emulated account`);
        return arn;
      }
      case 'Fn::Join': {
        const [separator, parts] = arg as [string, unknown[]];
        return parts.map((p) => this.string(p)).join(separator);
      }
      case 'Fn::Sub':
        return (arg as string).replace(/\$\{([\w:]+)\}/g, (_, ref: string) => this.ref(ref));
      default:
        throw new Error(`${name} is not emulated`);
    }
  }

  private ref(id: string): string {
    const pseudo: Record<string, string> = {
      'AWS::Region': this.region,
      'AWS::AccountId': this.account,
      'AWS::Partition': 'aws',
      'AWS::URLSuffix': 'amazonaws.com',
    };
    return pseudo[id] ?? this.physicalOf(id).ref;
  }
}
