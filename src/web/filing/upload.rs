//! Reading the evidence upload form: `csrf_token`, `description` and `file`, refusing an
//! oversize file while it streams in.

use actix_multipart::Multipart;
use futures_util::StreamExt;

use crate::service::error::ServiceError;
use crate::service::filings::evidence::Upload;

/// Most bytes of a text field of the upload form.
const MAX_TEXT_FIELD: usize = 4096;

/// The upload form: its CSRF token and the file.
pub struct UploadForm {
    /// The submitted CSRF token.
    pub csrf_token: String,
    /// The file and its description.
    pub upload: Upload,
}

fn malformed(e: &dyn std::fmt::Display) -> ServiceError {
    ServiceError::bad_request(
        "request.multipart",
        format!("上传格式不正确：{e}"),
        format!("Malformed upload: {e}"),
    )
}

fn too_large(limit: usize) -> ServiceError {
    ServiceError::field(
        "file",
        "evidence.too_large",
        &format!("文件不能超过 {} MB", limit / (1024 * 1024)),
        &format!("Files may not exceed {} MB", limit / (1024 * 1024)),
    )
}

/// Reads the multipart body.
pub async fn read(mut payload: Multipart, limit: usize) -> Result<UploadForm, ServiceError> {
    let mut form = UploadForm {
        csrf_token: String::new(),
        upload: Upload {
            file_name: String::new(),
            content_type: String::new(),
            description: String::new(),
            bytes: Vec::new(),
        },
    };
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|e| malformed(&e))?;
        let name = field.name().unwrap_or("").to_owned();
        let cap = if name == "file" { limit } else { MAX_TEXT_FIELD };
        let mut data = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| malformed(&e))?;
            if data.len() + chunk.len() > cap {
                return Err(if name == "file" { too_large(limit) } else { malformed(&"field too long") });
            }
            data.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "file" => {
                form.upload.file_name =
                    field.content_disposition().and_then(|d| d.get_filename()).unwrap_or("").to_owned();
                form.upload.content_type =
                    field.content_type().map(|m| m.essence_str().to_owned()).unwrap_or_default();
                form.upload.bytes = data;
            }
            "description" => form.upload.description = String::from_utf8_lossy(&data).into_owned(),
            "csrf_token" => form.csrf_token = String::from_utf8_lossy(&data).into_owned(),
            _ => {}
        }
    }
    Ok(form)
}
