//! Reading an evidence upload form (the facts step, the case page) as multipart: its text fields
//! (`csrf_token`, and the facts step's `draft`, `facts`, `action`), and an evidence `file` with
//! its `description` and, on the case page, its `side`. An oversize file stops the reading but
//! keeps every text field read before it, so the text can still be saved.

use actix_multipart::Multipart;
use futures_util::StreamExt;

use crate::service::error::ServiceError;
use crate::service::filings::evidence::Upload;
use crate::web::form::FormData;

/// Most bytes of all text fields together (the draft JSON and the facts are the big ones).
const MAX_TEXT: usize = 512 * 1024;

/// The posted form: its text fields, the file, and why the file could not be read, if so.
pub struct UploadForm {
    /// Every text field, in order (`csrf_token`, `draft`, `facts`, `action`, …).
    pub fields: FormData,
    /// The file and its description (empty when no file was chosen).
    pub upload: Upload,
    /// Why the file was refused while it streamed in (too large).
    pub problem: Option<ServiceError>,
}

impl UploadForm {
    /// Whether a file was chosen (a browser sends an empty part without a name otherwise).
    pub fn has_file(&self) -> bool {
        !self.upload.file_name.is_empty() || !self.upload.bytes.is_empty()
    }
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
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut text_bytes = 0;
    let mut upload = Upload {
        side: String::new(),
        file_name: String::new(),
        content_type: String::new(),
        description: String::new(),
        bytes: Vec::new(),
    };
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|e| malformed(&e))?;
        let name = field.name().unwrap_or("").to_owned();
        let is_file = name == "file";
        let mut data = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| malformed(&e))?;
            if is_file && data.len() + chunk.len() > limit {
                let form = FormData::from_pairs(pairs);
                return Ok(UploadForm { fields: form, upload, problem: Some(too_large(limit)) });
            }
            if !is_file && text_bytes + data.len() + chunk.len() > MAX_TEXT {
                return Err(malformed(&"form too long"));
            }
            data.extend_from_slice(&chunk);
        }
        if is_file {
            upload.file_name =
                field.content_disposition().and_then(|d| d.get_filename()).unwrap_or("").to_owned();
            upload.content_type =
                field.content_type().map(|m| m.essence_str().to_owned()).unwrap_or_default();
            upload.bytes = data;
        } else {
            text_bytes += data.len();
            let value = String::from_utf8_lossy(&data).into_owned();
            match name.as_str() {
                "description" => upload.description.clone_from(&value),
                "side" => upload.side.clone_from(&value),
                _ => {}
            }
            pairs.push((name, value));
        }
    }
    Ok(UploadForm { fields: FormData::from_pairs(pairs), upload, problem: None })
}
