//! The mail transport: real SMTP, `.eml` files, or the log (development only).

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::transport::smtp::client::Tls;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{EmailSettings, EmailTransport};

/// One message's content: subject, plain and HTML bodies, and an optional attachment (file
/// name, MIME type, text).
#[derive(Debug, Clone, Copy)]
pub struct Mail<'a> {
    /// Subject line.
    pub subject: &'a str,
    /// Plain-text body.
    pub text: &'a str,
    /// HTML body.
    pub html: &'a str,
    /// Attachment: name, MIME type, text.
    pub attachment: Option<(&'a str, &'a str, &'a str)>,
    /// The `Message-ID`, `<…@…>`, the same on every attempt to send it.
    pub id: &'a str,
}

/// How mail leaves the system.
pub enum Mailer {
    /// SMTP relay.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// One file per message.
    File(AsyncFileTransport<Tokio1Executor>),
    /// Logged only.
    Log,
}

impl Mailer {
    /// Builds the transport the settings name.
    pub fn from_settings(s: &EmailSettings) -> anyhow::Result<Mailer> {
        Ok(match s.transport {
            EmailTransport::Smtp => Mailer::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&s.smtp_host)
                    .port(s.smtp_port)
                    .tls(Tls::None)
                    .timeout(Some(std::time::Duration::from_secs(10)))
                    .build(),
            ),
            EmailTransport::File => {
                std::fs::create_dir_all(&s.file_dir)?;
                Mailer::File(AsyncFileTransport::<Tokio1Executor>::new(&s.file_dir))
            }
            EmailTransport::Log => Mailer::Log,
        })
    }

    /// Sends one multipart (text + HTML) message, with the attachment if there is one
    /// (`multipart/mixed` around the alternative bodies).
    pub async fn send(&self, from: &str, to: &str, mail: &Mail<'_>) -> anyhow::Result<()> {
        let Mail { subject, text, html, attachment, id } = *mail;
        let bodies = MultiPart::alternative_plain_html(text.to_owned(), html.to_owned());
        let builder = Message::builder()
            .from(from.parse::<Mailbox>()?)
            .to(to.parse::<Mailbox>()?)
            .subject(subject)
            .message_id(Some(id.to_owned()));
        let message = match attachment {
            Some((name, mime, body)) => {
                builder.multipart(MultiPart::mixed().multipart(bodies).singlepart(
                    Attachment::new(name.to_owned()).body(body.to_owned(), ContentType::parse(mime)?),
                ))?
            }
            None => builder.multipart(bodies)?,
        };
        match self {
            Mailer::Smtp(t) => {
                t.send(message).await?;
            }
            Mailer::File(t) => {
                t.send(message).await?;
            }
            Mailer::Log => tracing::info!(mail.subject = %subject, "notice (log transport): {subject}"),
        }
        Ok(())
    }
}
