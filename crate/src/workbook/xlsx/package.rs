//! Where a workbook's parts go. Usually into a zip made as they come ([`Zip`]). The page
//! hands the parts' XML to a second worker that compresses them with its own [`Zip`], so
//! that making the XML and compressing it run on two cores: a `file://` page may start
//! workers but not threads. Both ways give the same bytes, because the zip sees the same
//! calls with the same pieces.
//!
//! The writer is a future so that it can wait for a receiver that falls behind: a worker
//! running wasm cannot block, and without waiting the XML not yet compressed piles up in
//! the page's memory (measured: up to 120 MB more at the peak for a province).

use crate::error::Error;
use std::future::Future;
use std::io::{self, Write};
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};
use zip::write::{SimpleFileOptions, StreamWriter};
use zip::{CompressionMethod, ZipWriter};

/// Deflate level of the parts. Measured on a 340,782-row list (scripts/bench): level 1 writes
/// the workbook several times faster than level 6 for a file about a third larger; level 2
/// (62.6 MB, written natively in about 2.2 s) against level 1 (86.2 MB, 1.7 s) keeps the
/// file a quarter smaller for half a second.
pub const DEFAULT_LEVEL: i64 = 2;

/// The receiver of a package's parts, one after another.
pub trait Parts {
    /// Ends the part before, if any, and begins the part at `path`.
    fn start(&mut self, path: &str) -> io::Result<()>;
    /// More bytes of the part begun last.
    fn write(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Ends the last part and the package; nothing may follow.
    fn finish(&mut self) -> io::Result<()>;
    /// Whether more bytes may come now. The writer asks after each piece and, while the
    /// answer is no, its future is pending; whoever drives it polls it again later.
    fn ready(&mut self) -> bool {
        true
    }
}

/// Done once the receiver is [ready](Parts::ready). It registers no waker: the page's
/// worker polls the writer again each time the zipper reports progress.
pub struct CaughtUp<'p>(pub(super) &'p mut dyn Parts);

impl Future for CaughtUp<'_> {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.0.ready() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

/// Runs a writer as far as its parts let it: done, or pending until they are ready.
pub fn write_on<T, W: Future<Output = T> + ?Sized>(writer: Pin<&mut W>) -> Poll<T> {
    writer.poll(&mut Context::from_waker(Waker::noop()))
}

/// Runs a writer whose parts never wait (a [`Zip`]) to its end.
pub fn finish_now<T>(writer: impl Future<Output = Result<T, Error>>) -> Result<T, Error> {
    match write_on(pin!(writer)) {
        Poll::Ready(result) => result,
        Poll::Pending => Err(super::write_error("the receiver of the parts cannot wait")),
    }
}

/// Parts zipped into a sink as they come: the file never exists whole in memory unless the
/// sink is a `Vec`.
pub struct Zip<W: Write> {
    zip: Option<ZipWriter<StreamWriter<W>>>,
    options: SimpleFileOptions,
}

impl<W: Write> Zip<W> {
    pub fn new(sink: W) -> Self {
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(DEFAULT_LEVEL))
            // A fixed time: the same input gives the same bytes.
            .last_modified_time(zip::DateTime::default());
        Zip {
            // Streamed: each part's sizes follow its data (a data descriptor), as Excel and
            // every reader accept, so nothing written is ever revisited.
            zip: Some(ZipWriter::new_stream(sink)),
            options,
        }
    }

    fn zip(&mut self) -> io::Result<&mut ZipWriter<StreamWriter<W>>> {
        self.zip
            .as_mut()
            .ok_or_else(|| io::Error::other("the package was already finished"))
    }
}

impl<W: Write> Parts for Zip<W> {
    fn start(&mut self, path: &str) -> io::Result<()> {
        let options = self.options;
        self.zip()?
            .start_file(path, options)
            .map_err(io::Error::other)
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.zip()?.write_all(bytes)
    }

    fn finish(&mut self) -> io::Result<()> {
        let zip = self
            .zip
            .take()
            .ok_or_else(|| io::Error::other("the package was already finished"))?;
        zip.finish().map_err(io::Error::other)?.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zip_takes_nothing_after_it_is_finished() {
        let mut out = Vec::new();
        let mut zip = Zip::new(&mut out);
        zip.start("a.xml").unwrap();
        zip.write(b"<a/>").unwrap();
        zip.finish().unwrap();
        assert!(zip.start("b.xml").is_err());
        assert!(zip.write(b"x").is_err());
        assert!(zip.finish().is_err());
        drop(zip);
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(out)).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("a.xml").unwrap(), &mut text).unwrap();
        assert_eq!(text, "<a/>");
    }
}
