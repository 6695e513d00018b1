//! Parties, claim items, evidence and idempotency keys of filings.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use futures_util::future::{try_join, try_join_all};
use uuid::Uuid;

use super::enums::DbRole;
use super::schema::{case_claims, case_parties, evidence, idempotency_keys, users};
use crate::domain::access::Role;
use crate::domain::case::party::Side;
use crate::domain::filing::Filing;

/// Deletes the party and claim-item rows of a case (before they are stored anew).
pub async fn delete_parties_and_claims(conn: &AsyncPgConnection, case_id: Uuid) -> QueryResult<()> {
    diesel::delete(case_parties::table.filter(case_parties::case_id.eq(case_id)))
        .execute(&mut &*conn)
        .await?;
    diesel::delete(case_claims::table.filter(case_claims::case_id.eq(case_id))).execute(&mut &*conn).await?;
    Ok(())
}

/// Stores the party and claim-item rows of a validated filing of a case that has none yet. Takes
/// a shared connection so that it can be pipelined with independent statements.
pub async fn insert_parties_and_claims(
    conn: &AsyncPgConnection,
    case_id: Uuid,
    f: &Filing,
) -> QueryResult<()> {
    let mut parties: Vec<_> = f
        .applicants
        .iter()
        .enumerate()
        .map(|(i, a)| {
            (
                case_parties::id.eq(Uuid::new_v4()),
                case_parties::case_id.eq(case_id),
                case_parties::role.eq("applicant"),
                case_parties::position.eq(i32::try_from(i).unwrap_or(i32::MAX)),
                case_parties::name.eq(a.name.as_str().to_owned()),
                case_parties::id_number.eq(Some(a.id_number.as_str().to_owned())),
                case_parties::uscc.eq(None::<String>),
                case_parties::phone.eq(a.phone.as_str().to_owned()),
                case_parties::email.eq(a.email.as_ref().map(|e| e.as_str().to_owned())),
                case_parties::address.eq(a.address.as_str().to_owned()),
            )
        })
        .collect();
    let r = &f.respondent;
    parties.push((
        case_parties::id.eq(Uuid::new_v4()),
        case_parties::case_id.eq(case_id),
        case_parties::role.eq("respondent"),
        case_parties::position.eq(0),
        case_parties::name.eq(r.name.as_str().to_owned()),
        case_parties::id_number.eq(None::<String>),
        case_parties::uscc.eq(r.uscc.as_ref().map(|u| u.as_str().to_owned())),
        case_parties::phone.eq(r.contact_phone.as_ref().map(|p| p.as_str().to_owned()).unwrap_or_default()),
        case_parties::email.eq(r.email.as_ref().map(|e| e.as_str().to_owned())),
        case_parties::address.eq(r.business_address.as_str().to_owned()),
    ));
    let claims: Vec<_> = f
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                case_claims::id.eq(Uuid::new_v4()),
                case_claims::case_id.eq(case_id),
                case_claims::position.eq(i32::try_from(i).unwrap_or(i32::MAX)),
                case_claims::claim_type.eq(c.claim_type.code()),
                case_claims::amount_fen.eq(c.amount.map(|m| m.fen())),
                case_claims::period_from.eq(c.period_from),
                case_claims::period_to.eq(c.period_to),
                case_claims::description.eq(c.description.clone()),
            )
        })
        .collect();
    let parties = crate::insert_pieces!(conn, case_parties::table, parties);
    let claims = crate::insert_pieces!(conn, case_claims::table, claims);
    try_join(try_join_all(parties), try_join_all(claims)).await?;
    Ok(())
}

/// What an earlier request with the same idempotency key did.
#[derive(Debug, Clone)]
pub enum KeyState {
    /// First use of the key: carry on.
    Fresh,
    /// Same key, same request, already committed: replay this case.
    Replay(Uuid),
    /// Same key used for a different request.
    Mismatch,
}

/// Claims an idempotency key inside the caller's transaction. A concurrent request with the
/// same key waits on the primary key until this transaction ends, then sees its outcome.
pub async fn claim_key(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    key: &str,
    hash: &str,
) -> QueryResult<KeyState> {
    let inserted = diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::user_id.eq(user),
            idempotency_keys::key.eq(key),
            idempotency_keys::request_hash.eq(hash),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    if inserted == 1 {
        return Ok(KeyState::Fresh);
    }
    let (stored_hash, case_id): (String, Option<Uuid>) = idempotency_keys::table
        .find((user, key))
        .select((idempotency_keys::request_hash, idempotency_keys::case_id))
        .first(conn)
        .await?;
    Ok(match case_id {
        Some(id) if stored_hash == hash => KeyState::Replay(id),
        Some(_) | None => KeyState::Mismatch,
    })
}

/// Records the outcome of a keyed request.
pub async fn complete_key(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    key: &str,
    case_id: Uuid,
) -> QueryResult<()> {
    diesel::update(idempotency_keys::table.find((user, key)))
        .set((idempotency_keys::case_id.eq(case_id), idempotency_keys::status_code.eq(201_i16)))
        .execute(conn)
        .await
        .map(|_| ())
}

/// Evidence metadata (without the content), with who submitted it and when.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize, utoipa::ToSchema)]
#[diesel(table_name = evidence)]
pub struct EvidenceMeta {
    /// Id.
    pub id: Uuid,
    /// Case.
    pub case_id: Uuid,
    /// Safe file name: no path, no control or invisible characters, the extension of its type;
    /// used for downloads.
    pub file_name: String,
    /// MIME type.
    pub content_type: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// What the file shows.
    pub description: String,
    /// Upload time.
    pub created_at: DateTime<Utc>,
    /// The name the uploader's device sent, for display (always escaped).
    pub original_name: String,
    /// The side whose evidence it is (举证方).
    #[diesel(deserialize_as = String)]
    #[schema(value_type = String, example = "respondent")]
    pub side: Side,
    /// The account that uploaded it: the party, or a clerk entering it for that side.
    pub uploaded_by: Uuid,
    /// That account's display name.
    #[diesel(select_expression = users::display_name)]
    pub uploaded_by_name: String,
    /// That account's role.
    #[diesel(select_expression = users::role, deserialize_as = DbRole)]
    #[schema(value_type = String, example = "employer")]
    pub uploaded_by_role: Role,
    /// The last day of the side's evidence period, when known at upload (the respondent's
    /// evidence period is its defence period).
    pub period_ends_on: Option<NaiveDate>,
    /// Uploaded after that day (逾期举证, 办案规则 第十五条): kept, for the tribunal to decide on.
    pub late: bool,
}

/// Reads the `evidence.side` column.
impl TryFrom<String> for Side {
    type Error = String;

    fn try_from(code: String) -> Result<Side, String> {
        crate::domain::evidence::parse_side(&code).ok_or_else(|| format!("unknown evidence side `{code}`"))
    }
}

/// Stores an evidence file, uploaded by `meta.uploaded_by` at `meta.created_at`.
pub async fn insert_evidence(
    conn: &mut AsyncPgConnection,
    meta: &EvidenceMeta,
    content: &[u8],
) -> QueryResult<()> {
    diesel::insert_into(evidence::table)
        .values((
            evidence::id.eq(meta.id),
            evidence::case_id.eq(meta.case_id),
            evidence::uploaded_by.eq(meta.uploaded_by),
            evidence::file_name.eq(&meta.file_name),
            evidence::original_name.eq(&meta.original_name),
            evidence::content_type.eq(&meta.content_type),
            evidence::size_bytes.eq(meta.size_bytes),
            evidence::sha256.eq(&meta.sha256),
            evidence::description.eq(&meta.description),
            evidence::content.eq(content),
            evidence::created_at.eq(meta.created_at),
            evidence::side.eq(meta.side.code()),
            evidence::period_ends_on.eq(meta.period_ends_on),
            evidence::late.eq(meta.late),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

/// Lists a case's evidence, both sides, oldest first.
pub async fn list_evidence(conn: &mut AsyncPgConnection, case_id: Uuid) -> QueryResult<Vec<EvidenceMeta>> {
    evidence::table
        .inner_join(users::table.on(users::id.eq(evidence::uploaded_by)))
        .filter(evidence::case_id.eq(case_id))
        .order((evidence::created_at.asc(), evidence::id.asc()))
        .select(EvidenceMeta::as_select())
        .load(conn)
        .await
}

/// Reads one evidence file with its content.
pub async fn find_evidence(
    conn: &mut AsyncPgConnection,
    case_id: Uuid,
    id: Uuid,
) -> QueryResult<Option<(EvidenceMeta, Vec<u8>)>> {
    evidence::table
        .inner_join(users::table.on(users::id.eq(evidence::uploaded_by)))
        .filter(evidence::case_id.eq(case_id).and(evidence::id.eq(id)))
        .select((EvidenceMeta::as_select(), evidence::content))
        .first(conn)
        .await
        .optional()
}

/// Whether an evidence file belongs to the case.
pub async fn evidence_belongs(
    conn: &mut AsyncPgConnection,
    evidence_id: Uuid,
    case_id: Uuid,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        evidence::table.filter(evidence::id.eq(evidence_id)).filter(evidence::case_id.eq(case_id)),
    ))
    .get_result(conn)
    .await
}
