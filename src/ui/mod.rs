//! The wizard's components. They render the domain's state and findings
//! and decide nothing the domain already decides.

pub mod act;
pub mod bulk;
pub mod directory;
pub mod drafts;
pub mod form;
pub mod pages;
pub mod rescue;
pub mod rows;
pub mod state;
pub mod tr;

pub use pages::App;
pub use state::Wizard;
