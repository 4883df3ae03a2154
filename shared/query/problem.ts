/** An answer that is an error: RFC 9457 problem details, served as application/problem+json. */
export class Problem extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 413 | 415 | 500 | 503,
    readonly title: string,
    readonly detail: string,
    /** A 405's Allow header: the methods the resource does answer. */
    readonly allow?: string,
  ) {
    super(`${title}: ${detail}`);
    this.name = 'Problem';
  }

  static badRequest(detail: string): Problem {
    return new Problem(400, 'Bad Request', detail);
  }

  static notFound(detail: string): Problem {
    return new Problem(404, 'Not Found', detail);
  }
}
