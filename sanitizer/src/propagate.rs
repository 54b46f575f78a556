//! (skeleton: filled by the sanitizer-rules work)
