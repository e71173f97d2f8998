pub mod embed;
pub mod screen;
