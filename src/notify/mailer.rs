//! The mail transport: real SMTP, `.eml` files, or the log (development only).

use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::client::Tls;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{EmailSettings, EmailTransport};

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

    /// Sends one multipart (text + HTML) message.
    pub async fn send(
        &self,
        from: &str,
        to: &str,
        subject: &str,
        text: &str,
        html: &str,
    ) -> anyhow::Result<()> {
        let message = Message::builder()
            .from(from.parse::<Mailbox>()?)
            .to(to.parse::<Mailbox>()?)
            .subject(subject)
            .multipart(MultiPart::alternative_plain_html(text.to_owned(), html.to_owned()))?;
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
