-- pgbench script: the rows one `POST /api/v1/filings` commits, written as one raw transaction.
--
-- What the endpoint writes for one online filing (src/service/filings.rs `file`,
-- src/service/filings/submit.rs `submit`, src/service/cases/transition.rs `apply_command`,
-- src/db/filings.rs `insert_parties_and_claims`), in the same order, as captured with
-- log_statement=all:
--   INSERT cases (the case, already submitted: the draft is built in memory and stored once)
--   INSERT case_events (2 rows: submitted by the worker, received with no actor) RETURNING id
--   INSERT outbox (2 notices: the applicant's address and the owning account) ON CONFLICT DO NOTHING
--   INSERT case_parties (2 rows: applicant, respondent)
--   INSERT case_claims (2 rows)
-- The endpoint sends one single-row statement per row (each stays in its connection's
-- prepared-statement cache) and pipelines the rows of one table; here each table gets one
-- multi-row statement, the cheapest way to send the same rows.
-- The JSON and text payloads are copied from a real filing of bench/filing.json (case, routing
-- trace, event payloads, rendered e-mail notices). Fresh UUIDs per transaction come from
-- gen_random_uuid(). Timestamps are now(). `:uid` is the benchmark worker's user id (pgbench -D).
--
-- Not included (it only reads): the SELECT of the owning account behind the second notice.
-- docs/benchmarks.md counts it.

BEGIN;

INSERT INTO cases (id, status, channel, owner_id, created_by, intake_venue, intake_commission, commission_code,
                   case_number, track, closure_mode, filing, applicant_name, respondent_name, claim_total_fen,
                   routing, limitation_warnings, received_at, handed_over_at, review_started_at, accepted_at,
                   closed_at, handover_due, acceptance_due, case_limit_due, version, created_at, updated_at, filing_ref)
VALUES (gen_random_uuid(), 'under_review', 'online', :uid, :uid, NULL, NULL, 'SIP', NULL, NULL, NULL,
        '{"facts": "申请人于2023年3月入职被申请人处任装配工，月工资6800元。2026年1月31日被申请人口头通知解除劳动合同，拖欠两个月工资，未支付经济补偿。", "claims": [{"amount": "13600.00", "period_to": "2026-01-31", "claim_type": "wage_arrears", "description": "2025年12月至2026年1月工资未发", "period_from": "2025-12-01"}, {"amount": "20400.00", "period_to": "", "claim_type": "economic_compensation", "description": "公司以经营困难为由解除劳动合同，未支付经济补偿", "period_from": ""}], "applicants": [{"name": "申请人0001", "email": "applicant1@example.com", "phone": "13900000001", "address": "江苏省苏州市工业园区星湖街 1 号", "id_number": "320583199002020018"}], "employment": {"post": "装配工", "end_date": "2026-01-31", "start_date": "2023-03-01", "monthly_wage": "6800.00", "workplace_area": "320571001", "workplace_kind": "in_city", "workplace_region": "", "workplace_address": "园区星湖街 328 号"}, "respondent": {"name": "苏州某某电子科技有限公司", "uscc": "91320594MA1MABCDE8", "contact_phone": "0512-66668888", "employer_kind": "enterprise", "employer_level": "", "registered_area": "320571", "business_address": "苏州工业园区金鸡湖大道 100 号", "legal_representative": "张某"}, "applicant_choice": ""}',
        '申请人0001', '苏州某某电子科技有限公司', 3400000,
        '{"current": {"rule": "single_place", "trace": [{"rule": "level_jurisdiction", "fired": false, "note_en": "employer kind or level not given", "note_zh": "未提供用人单位类型或隶属层级"}, {"rule": "outside_city", "fired": false, "note_en": "a connecting place lies in this city", "note_zh": "本市有管辖连接点"}, {"rule": "all_competent_excluded", "fired": false, "note_en": "a competent commission has not returned the filing", "note_zh": "仍有未退回的有管辖权的仲裁委员会"}, {"rule": "performance_unclear_employer_location", "fired": false, "note_en": "a place of performance was given", "note_zh": "已提供劳动合同履行地"}, {"rule": "workplace_outside_city_employer_location", "fired": false, "note_en": "the actual workplace is not outside the city", "note_zh": "实际工作地不在本市以外"}, {"rule": "several_places_employer_location", "fired": false, "note_en": "no several workplaces stated, or one of them was chosen", "note_zh": "未说明有多个工作地点，或已选择其中一个"}, {"rule": "single_place", "fired": true, "note_en": "Only the Suzhou Industrial Park Labour and Personnel Dispute Arbitration Commission is competent in this city and receives the case.", "note_zh": "本市仅苏州工业园区劳动人事争议仲裁委员会有管辖权，由其受理。"}], "basis_en": "Labour Dispute Mediation and Arbitration Law Art. 21 (the commission of the place of performance or of the employer''s location is competent)", "basis_zh": "劳动争议调解仲裁法第二十一条（由劳动合同履行地或者用人单位所在地的仲裁委员会管辖）", "competent": ["SIP"], "commission": "SIP", "level_rule": null, "choice_warning": null, "explanation_en": "The place of performance, Loufeng Street, Suzhou Industrial Park, falls under the Suzhou Industrial Park Labour and Personnel Dispute Arbitration Commission; the employer''s location, Suzhou Industrial Park, falls under the Suzhou Industrial Park Labour and Personnel Dispute Arbitration Commission. Only the Suzhou Industrial Park Labour and Personnel Dispute Arbitration Commission is competent in this city and receives the case.", "explanation_zh": "劳动合同履行地苏州工业园区娄葑街道属苏州工业园区劳动人事争议仲裁委员会管辖；用人单位所在地苏州工业园区属苏州工业园区劳动人事争议仲裁委员会管辖。本市仅苏州工业园区劳动人事争议仲裁委员会有管辖权，由其受理。"}, "history": []}',
        '[]', now(), now(), now(), NULL, NULL, NULL, '2026-12-02', NULL, 1, now(), now(),
        'SQ' || to_char(now(), 'YYYYMMDD') || '-' || upper(substr(md5(random()::text), 1, 10)))
RETURNING id AS case_id \gset

WITH e AS (
    INSERT INTO case_events (case_id, seq, kind, from_status, to_status, actor_id, commission_code, at, reason, payload)
    VALUES (:case_id, 1, 'submitted', 'draft', 'submitted', :uid, 'SIP', now(), NULL,
            '{"data": {"commission": "SIP", "handed_over": false}, "kind": "submitted"}'),
           (:case_id, 2, 'received', 'submitted', 'under_review', NULL, 'SIP', now(), NULL,
            '{"kind": "received"}')
    RETURNING id
)
SELECT min(id) AS event_id FROM e \gset

INSERT INTO outbox (event_id, case_id, kind, recipient, subject, body_text, body_html)
VALUES (:event_id, :case_id, 'case.submitted', 'applicant1@example.com',
        '【苏州工业园区劳动人事争议仲裁委员会】提交仲裁申请 / Application submitted',
        '申请人0001：

您的劳动人事争议仲裁申请已于 2026-11-25 收到，现由苏州工业园区劳动人事争议仲裁委员会进行受理审查。
仲裁委员会应当自收到申请之日起五个工作日内决定是否受理（《劳动争议调解仲裁法》第二十九条）。

查看详情：http://127.0.0.1:8080/cases/4722fc3a-c5a4-44f3-b7aa-e5b5dd9fab61

苏州工业园区劳动人事争议仲裁委员会
（本邮件由系统自动发送，请勿直接回复。）

----------------------------------------
Dear 申请人0001,

Your application was received on 2026-11-25 and is under review by Suzhou Industrial Park Labour and Personnel Dispute Arbitration Commission.
The commission decides on acceptance within five working days of receipt (Law Art. 29).

Details: http://127.0.0.1:8080/cases/4722fc3a-c5a4-44f3-b7aa-e5b5dd9fab61

Suzhou Industrial Park Labour and Personnel Dispute Arbitration Commission
(This message was sent automatically; please do not reply to it.)
',
        '<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>提交仲裁申请</title></head>
<body style="font-family: sans-serif; line-height: 1.6; max-width: 40em; margin: auto;">
  <h1 style="font-size: 1.2em;">提交仲裁申请</h1>
  <p>申请人0001：</p>
  <p>您的劳动人事争议仲裁申请已于 2026-11-25 收到，现由苏州工业园区劳动人事争议仲裁委员会进行受理审查。</p><p>仲裁委员会应当自收到申请之日起五个工作日内决定是否受理（《劳动争议调解仲裁法》第二十九条）。</p>
  <p><a href="http://127.0.0.1:8080/cases/4722fc3a-c5a4-44f3-b7aa-e5b5dd9fab61">查看详情</a></p>
  <p>苏州工业园区劳动人事争议仲裁委员会</p>
  <hr>
  <h2 style="font-size: 1em;" lang="en">Application submitted</h2>
  <div lang="en">
  <p>Dear 申请人0001,</p>
  <p>Your application was received on 2026-11-25 and is under review by Suzhou Industrial Park Labour and Personnel Dispute Arbitration Commission.</p><p>The commission decides on acceptance within five working days of receipt (Law Art. 29).</p>
  <p><a href="http://127.0.0.1:8080/cases/4722fc3a-c5a4-44f3-b7aa-e5b5dd9fab61">Details</a></p>
  <p>Suzhou Industrial Park Labour and Personnel Dispute Arbitration Commission</p>
  </div>
</body>
</html>
'),
       (:event_id, :case_id, 'case.submitted', 'bench.worker@example.com',
        '【苏州工业园区劳动人事争议仲裁委员会】提交仲裁申请 / Application submitted',
        '压测工人：

您的劳动人事争议仲裁申请已于 2026-11-25 收到，现由苏州工业园区劳动人事争议仲裁委员会进行受理审查。
仲裁委员会应当自收到申请之日起五个工作日内决定是否受理（《劳动争议调解仲裁法》第二十九条）。

查看详情：http://127.0.0.1:8080/cases/4722fc3a-c5a4-44f3-b7aa-e5b5dd9fab61

苏州工业园区劳动人事争议仲裁委员会
（本邮件由系统自动发送，请勿直接回复。）

----------------------------------------
Dear 压测工人,

Your application was received on 2026-11-25 and is under review by Suzhou Industrial Park Labour and Personnel Dispute Arbitration Commission.
The commission decides on acceptance within five working days of receipt (Law Art. 29).

Details: http://127.0.0.1:8080/cases/4722fc3a-c5a4-44f3-b7aa-e5b5dd9fab61

Suzhou Industrial Park Labour and Personnel Dispute Arbitration Commission
(This message was sent automatically; please do not reply to it.)
',
        '<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>提交仲裁申请</title></head>
<body style="font-family: sans-serif; line-height: 1.6; max-width: 40em; margin: auto;">
  <h1 style="font-size: 1.2em;">提交仲裁申请</h1>
  <p>压测工人：</p>
  <p>您的劳动人事争议仲裁申请已于 2026-11-25 收到，现由苏州工业园区劳动人事争议仲裁委员会进行受理审查。</p><p>仲裁委员会应当自收到申请之日起五个工作日内决定是否受理（《劳动争议调解仲裁法》第二十九条）。</p>
  <p><a href="http://127.0.0.1:8080/cases/4722fc3a-c5a4-44f3-b7aa-e5b5dd9fab61">查看详情</a></p>
  <p>苏州工业园区劳动人事争议仲裁委员会</p>
  <hr>
  <h2 style="font-size: 1em;" lang="en">Application submitted</h2>
  <div lang="en">
  <p>Dear 压测工人,</p>
  <p>Your application was received on 2026-11-25 and is under review by Suzhou Industrial Park Labour and Personnel Dispute Arbitration Commission.</p><p>The commission decides on acceptance within five working days of receipt (Law Art. 29).</p>
  <p><a href="http://127.0.0.1:8080/cases/4722fc3a-c5a4-44f3-b7aa-e5b5dd9fab61">Details</a></p>
  <p>Suzhou Industrial Park Labour and Personnel Dispute Arbitration Commission</p>
  </div>
</body>
</html>
')
ON CONFLICT DO NOTHING;

INSERT INTO case_parties (id, case_id, role, position, name, id_number, uscc, phone, email, address)
VALUES (gen_random_uuid(), :case_id, 'applicant', 0, '申请人0001', '320583199002020018', NULL, '13900000001',
        'applicant1@example.com', '江苏省苏州市工业园区星湖街 1 号'),
       (gen_random_uuid(), :case_id, 'respondent', 0, '苏州某某电子科技有限公司', NULL, '91320594MA1MABCDE8',
        '0512-66668888', NULL, '苏州工业园区金鸡湖大道 100 号');

INSERT INTO case_claims (id, case_id, position, claim_type, amount_fen, period_from, period_to, description)
VALUES (gen_random_uuid(), :case_id, 0, 'wage_arrears', 1360000, '2025-12-01', '2026-01-31',
        '2025年12月至2026年1月工资未发'),
       (gen_random_uuid(), :case_id, 1, 'economic_compensation', 2040000, NULL, NULL,
        '公司以经营困难为由解除劳动合同，未支付经济补偿');

COMMIT;
