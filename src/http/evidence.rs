//! Evidence upload (multipart) and download.

use actix_multipart::Multipart;
use actix_web::http::header::{
    CACHE_CONTROL, Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue,
};
use actix_web::{HttpResponse, web};
use futures_util::StreamExt;

use crate::db::filings::EvidenceMeta;
use crate::http::auth::CurrentUser;
use crate::http::error::ApiError;
use crate::http::paths::{CasePath, EvidencePath};
use crate::service::error::ServiceError;
use crate::service::filings::evidence::{self, Upload};
use crate::startup::AppState;

/// Reads the multipart body (`file`, optional `description` and `side`), refusing oversize
/// files while streaming.
pub async fn read_upload(mut payload: Multipart, limit: usize) -> Result<Upload, ServiceError> {
    let mut upload = Upload {
        side: String::new(),
        file_name: String::new(),
        content_type: String::new(),
        description: String::new(),
        bytes: Vec::new(),
    };
    let malformed = |e: &dyn std::fmt::Display| {
        ServiceError::bad_request(
            "request.multipart",
            format!("上传格式不正确：{e}"),
            format!("Malformed upload: {e}"),
        )
    };
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|e| malformed(&e))?;
        let name = field.name().unwrap_or("").to_owned();
        let mut data = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| malformed(&e))?;
            if data.len() + chunk.len() > limit + 1 {
                return Err(ServiceError::field(
                    "file",
                    "evidence.too_large",
                    &format!("文件不能超过 {} MB", limit / (1024 * 1024)),
                    &format!("Files may not exceed {} MB", limit / (1024 * 1024)),
                ));
            }
            data.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "file" => {
                upload.file_name =
                    field.content_disposition().and_then(|d| d.get_filename()).unwrap_or("").to_owned();
                upload.content_type =
                    field.content_type().map(|m| m.essence_str().to_owned()).unwrap_or_default();
                upload.bytes = data;
            }
            "description" => upload.description = String::from_utf8_lossy(&data).into_owned(),
            "side" => upload.side = String::from_utf8_lossy(&data).into_owned(),
            _ => {}
        }
    }
    Ok(upload)
}

/// Uploads one evidence file (PDF, JPEG or PNG), stored with its SHA-256, for a side of the
/// case (`side`: the uploader's own by default; a clerk of the handling commission names it once
/// the case is accepted). The respondent uploads once the case is accepted; a file after its
/// defence period is stored and marked `late` (逾期举证), never refused for that.
#[utoipa::path(post, path = "/api/v1/cases/{id}/evidence", params(CasePath), request_body(content_type = "multipart/form-data"),
    responses((status = 201, body = EvidenceMeta), (status = 403, body = crate::http::error::ProblemBody),
        (status = 409, body = crate::http::error::ProblemBody), (status = 422, body = crate::http::error::ProblemBody)))]
pub async fn upload(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
    payload: Multipart,
) -> Result<HttpResponse, ApiError> {
    let upload = read_upload(payload, state.settings.intake.max_upload_bytes).await?;
    Ok(HttpResponse::Created().json(evidence::upload(&state, &user.actor(), id.id, upload).await?))
}

/// Lists a case's evidence, both sides', each with its side, uploader and time.
#[utoipa::path(get, path = "/api/v1/cases/{id}/evidence", params(CasePath), responses((status = 200, body = Vec<EvidenceMeta>)))]
pub async fn list(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(evidence::list(&state, &user.actor(), id.id).await?))
}

/// Downloads one evidence file.
#[utoipa::path(get, path = "/api/v1/cases/{id}/evidence/{evidence_id}", params(EvidencePath), responses((status = 200), (status = 404)))]
pub async fn download(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<EvidencePath>,
) -> Result<HttpResponse, ApiError> {
    let EvidencePath { id, evidence_id } = path.into_inner();
    let (meta, bytes) = evidence::download(&state, &user.actor(), id, evidence_id).await?;
    Ok(HttpResponse::Ok()
        .content_type(meta.content_type)
        .insert_header(("X-Content-SHA256", meta.sha256))
        .insert_header(attachment(&meta.file_name))
        .insert_header((CACHE_CONTROL, "no-store"))
        .body(bytes))
}

/// `Content-Disposition: attachment` naming a stored (safe) file name: an ASCII fallback for old
/// clients and the UTF-8 name (RFC 6266, RFC 8187).
pub fn attachment(safe_name: &str) -> ContentDisposition {
    let ascii: String =
        safe_name.chars().map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '_' }).collect();
    let ascii = ascii.replace(['"', '\\', '%'], "_");
    ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            DispositionParam::Filename(ascii),
            DispositionParam::FilenameExt(ExtendedValue {
                charset: Charset::Ext("UTF-8".into()),
                language_tag: None,
                value: safe_name.as_bytes().to_vec(),
            }),
        ],
    }
}
