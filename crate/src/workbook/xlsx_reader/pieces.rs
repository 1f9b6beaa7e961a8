//! A zip part read in pieces: the caller scans what has arrived up to a boundary it
//! chooses (the end of the last complete row or string), and the rest waits for more.
//! Waiting is a future's: pending while the part's [`Source`] has nothing new.

use super::source::Source;
use std::future::poll_fn;

/// How much inflated XML is asked for at a time.
const PIECE: usize = 1 << 20;
/// A row or string larger than this is not in a list of children.
pub const MAX_WINDOW: usize = 256 << 20;

pub struct Pieces<R> {
    part: R,
    /// Read bytes in `..filled`; the room after them is kept between reads, so that a
    /// piece is not preceded by zeroing a megabyte.
    buf: Vec<u8>,
    filled: usize,
    from: usize,
    eof: bool,
}

impl<R: Source> Pieces<R> {
    pub fn new(part: R) -> Self {
        Pieces {
            part,
            buf: Vec::new(),
            filled: 0,
            from: 0,
            eof: false,
        }
    }

    /// The bytes read and not yet consumed.
    pub fn window(&self) -> &[u8] {
        &self.buf[self.from..self.filled]
    }

    pub fn consume(&mut self, n: usize) {
        self.from += n;
    }

    /// Reads the next piece; `None` at the end of the part, on a read error (damage) or
    /// when the unconsumed bytes would pass [`MAX_WINDOW`].
    pub async fn more(&mut self) -> Option<()> {
        if self.eof || self.filled - self.from > MAX_WINDOW {
            return None;
        }
        self.buf.copy_within(self.from..self.filled, 0);
        self.filled -= self.from;
        self.from = 0;
        if self.buf.len() < self.filled + PIECE {
            self.buf.resize(self.filled + PIECE, 0);
        }
        let (part, buf) = (
            &mut self.part,
            &mut self.buf[self.filled..self.filled + PIECE],
        );
        let n = poll_fn(|_| part.poll_read(buf)).await.ok()?;
        self.filled += n;
        if n == 0 {
            self.eof = true;
            return None;
        }
        Some(())
    }

    /// Everything left, read to the end of the part.
    pub async fn rest(mut self) -> Option<Vec<u8>> {
        self.buf.truncate(self.filled);
        let mut rest = self.buf.split_off(self.from);
        drop(self.buf);
        let mut buf = vec![0; 64 * 1024];
        loop {
            let n = poll_fn(|_| self.part.poll_read(&mut buf)).await.ok()?;
            if n == 0 {
                return Some(rest);
            }
            if rest.len() > MAX_WINDOW {
                return None;
            }
            rest.extend_from_slice(&buf[..n]);
        }
    }
}
