//! The wizard's components. They render the domain's state and findings
//! and decide nothing the domain already decides.

pub mod choice;
pub mod drafts;
pub mod form;
pub mod lens;
pub mod pages;
pub mod state;
pub mod steps;
pub mod tr;

pub use pages::App;
pub use state::Wizard;
