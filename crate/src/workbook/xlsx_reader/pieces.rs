//! A zip part read in pieces: the caller scans what has arrived up to a boundary it
//! chooses (the end of the last complete row or string), and the rest waits for more.

use std::io::Read;

/// How much inflated XML is asked for at a time.
const PIECE: usize = 1 << 20;
/// A row or string larger than this is not in a list of children.
pub const MAX_WINDOW: usize = 256 << 20;

pub struct Pieces<R> {
    part: R,
    buf: Vec<u8>,
    from: usize,
    eof: bool,
}

impl<R: Read> Pieces<R> {
    pub fn new(part: R) -> Self {
        Pieces {
            part,
            buf: Vec::with_capacity(2 * PIECE),
            from: 0,
            eof: false,
        }
    }

    /// The bytes read and not yet consumed.
    pub fn window(&self) -> &[u8] {
        &self.buf[self.from..]
    }

    pub fn consume(&mut self, n: usize) {
        self.from += n;
    }

    /// Reads the next piece; `None` at the end of the part, on a read error (damage) or
    /// when the unconsumed bytes would pass [`MAX_WINDOW`].
    pub fn more(&mut self) -> Option<()> {
        if self.eof || self.buf.len() - self.from > MAX_WINDOW {
            return None;
        }
        self.buf.drain(..self.from);
        self.from = 0;
        let len = self.buf.len();
        self.buf.resize(len + PIECE, 0);
        let n = self.part.read(&mut self.buf[len..]).ok()?;
        self.buf.truncate(len + n);
        if n == 0 {
            self.eof = true;
            return None;
        }
        Some(())
    }

    /// Everything left, read to the end of the part.
    pub fn rest(mut self) -> Option<Vec<u8>> {
        let mut rest = self.buf.split_off(self.from);
        drop(self.buf);
        self.part.read_to_end(&mut rest).ok()?;
        Some(rest)
    }
}
