//! Text preparation: everything that happens to a report before it is compared.
//!
//! Offsets inside the engine are UTF-8 byte offsets into the original text; [`offsets`]
//! turns them into the UTF-16 code units that JavaScript indexes by.

pub mod offsets;
pub mod segment;
