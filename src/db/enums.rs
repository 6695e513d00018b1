//! Postgres enum mirrors of domain enums (the domain stays free of diesel).
