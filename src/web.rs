//! Server-rendered HTML pages for workers, clerks and supervisors: zh-CN by default with an
//! English switch, usable without JavaScript, every form protected against CSRF.

pub mod account;
pub mod approvals;
pub mod assets;
pub mod calculators;
pub mod cases;
pub mod chart;
pub mod controls;
pub mod docket;
pub mod error;
pub mod evidence;
pub mod filing;
pub mod form;
pub mod helpers;
pub mod i18n;
pub mod page;
pub mod password;
pub mod personal;
pub mod premediation;
pub mod respond;
pub mod routes;
pub mod summary;
pub mod supervision;
