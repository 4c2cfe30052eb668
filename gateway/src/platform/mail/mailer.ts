import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { MailConfig } from '../config/closed-loop-schema.ts';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/**
 * E-mail over SMTP (nodemailer: STARTTLS, authentication and MIME attachments done right). Without
 * mail.smtp configured nothing is sent and `enabled` is false; the callers still keep what they made.
 */
export class Mailer {
  private readonly transport: Transporter | undefined;

  constructor(
    private readonly config: MailConfig,
    private readonly logger: Logger,
  ) {
    const smtp = config.smtp;
    this.transport = smtp
      ? nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
          connectionTimeout: 15_000,
          greetingTimeout: 15_000,
          socketTimeout: 30_000,
        })
      : undefined;
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  /** Sends one message; throws with the server's reason when it is refused (the caller records it). */
  async send(mail: Mail): Promise<void> {
    if (!this.transport || mail.to.length === 0) return;
    await this.transport.sendMail({
      from: this.config.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      ...(mail.attachments ? { attachments: mail.attachments } : {}),
    });
    this.logger.info({ recipients: mail.to.length, subject: mail.subject }, 'mail sent');
  }

  close(): void {
    this.transport?.close();
  }
}
