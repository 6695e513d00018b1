//! API integration tests: the real server over HTTP, one fresh database per test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod auth;
mod bootstrap;
mod case_flow;
mod deadlines;
mod demo;
mod evidence;
mod filing;
mod health;
mod helpers;
mod intake;
mod lifecycle;
mod migrations;
mod notices;
mod numbering;
mod pages;
mod respond;
mod review;
mod rooms;
mod scenarios;
mod scheduling;
mod security;
mod sweep;
mod views;
