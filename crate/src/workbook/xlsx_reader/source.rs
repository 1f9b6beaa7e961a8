//! Where the inflated bytes of a zip part come from. The CLI (and the page when it has one
//! worker) inflates them here as the reader asks for them ([`Here`]). The page's first
//! worker is handed them by its second worker, which inflates while the first one scans:
//! the reader is then a future that is pending until the next bytes arrive, and two cores
//! share the reading of a province's 190 MB of XML.

use flate2::{Decompress, FlushDecompress, Status};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::io;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// A zip entry's bytes as stored: where they are in the file, whether they are deflated
/// (else stored), and the CRC-32 of what they hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub start: usize,
    pub end: usize,
    pub deflated: bool,
    pub crc: u32,
}

/// A part's inflated bytes, in order.
pub trait Source {
    /// As [`io::Read::read`] (`Ok(0)` at the end), or `Pending` while the next bytes have
    /// not arrived: poll again once they have.
    fn poll_read(&mut self, buf: &mut [u8]) -> Poll<io::Result<usize>>;
}

/// Opens the source of each part the reader needs, in the order it reads them.
pub trait Sources {
    type Part<'a>: Source
    where
        Self: 'a;
    /// The bytes of `entry` of the zip file `bytes`.
    fn open<'a>(&'a mut self, bytes: &'a [u8], entry: Entry) -> Self::Part<'a>;

    /// Whether sheets come scanned elsewhere, as records of their cells
    /// ([`super::records`]), rather than as XML.
    fn scans_sheets(&self) -> bool {
        false
    }

    /// The records of the cells of the sheet part `entry` (when [`Sources::scans_sheets`]).
    fn open_scanned<'a>(&'a mut self, bytes: &'a [u8], entry: Entry) -> Self::Part<'a> {
        self.open(bytes, entry)
    }

    /// The sheet part `entry` will be opened scanned after the parts before it: its
    /// scanning may start now.
    fn coming(&mut self, _entry: Entry) {}
}

/// Every part inflated here, when the reader asks for its bytes: never pending.
pub struct Here;

impl Sources for Here {
    type Part<'a> = Inflate<&'a [u8]>;
    fn open<'a>(&'a mut self, bytes: &'a [u8], entry: Entry) -> Inflate<&'a [u8]> {
        let stored = bytes.get(entry.start..entry.end).unwrap_or_default();
        Inflate::new(stored, entry.deflated, entry.crc)
    }
}

/// Bytes already whole (tests, parts held in memory).
impl Source for &[u8] {
    fn poll_read(&mut self, buf: &mut [u8]) -> Poll<io::Result<usize>> {
        Poll::Ready(io::Read::read(self, buf))
    }
}

/// A zip entry's stored bytes, unpacked piece by piece; the CRC-32 is checked at the end,
/// as every zip reader does. The stored bytes are whole from the start, or given a piece at
/// a time ([`Inflate::given`]: the page's second worker holds no copy of the file).
pub struct Inflate<B> {
    stored: B,
    at: usize,
    /// Whether all the stored bytes are there.
    stored_whole: bool,
    /// `None` for a stored (not deflated) entry.
    inflater: Option<Box<Decompress>>,
    crc: crc32fast::Hasher,
    expected_crc: u32,
    stream_ended: bool,
    checked: bool,
}

fn damaged(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

impl<B: AsRef<[u8]>> Inflate<B> {
    pub fn new(stored: B, deflated: bool, crc: u32) -> Self {
        Inflate {
            stored,
            at: 0,
            stored_whole: true,
            inflater: deflated.then(|| Box::new(Decompress::new(false))),
            crc: crc32fast::Hasher::new(),
            expected_crc: crc,
            stream_ended: false,
            checked: false,
        }
    }

    /// Up to `buf.len()` more bytes; `Ok(0)` once the part is whole and its CRC checked;
    /// an error of kind [`io::ErrorKind::WouldBlock`] when it needs more stored bytes.
    pub fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() || self.checked {
            return Ok(0);
        }
        let stored = self.stored.as_ref();
        let n = match &mut self.inflater {
            None if self.at == stored.len() && !self.stored_whole => {
                return Err(io::ErrorKind::WouldBlock.into());
            }
            None => {
                let n = buf.len().min(stored.len() - self.at);
                buf[..n].copy_from_slice(&stored[self.at..self.at + n]);
                self.at += n;
                n
            }
            Some(_) if self.stream_ended => 0,
            Some(inflater) => loop {
                let (before_in, before_out) = (inflater.total_in(), inflater.total_out());
                let status = inflater
                    .decompress(&stored[self.at..], buf, FlushDecompress::None)
                    .map_err(|_| damaged("damaged deflate data"))?;
                let used = (inflater.total_in() - before_in) as usize;
                let made = (inflater.total_out() - before_out) as usize;
                self.at += used;
                if status == Status::StreamEnd {
                    self.stream_ended = true;
                }
                if made > 0 || self.stream_ended {
                    break made;
                }
                if used == 0 && self.stored_whole {
                    // Nothing more can come: the stored bytes end inside the stream.
                    return Err(damaged("the deflate data is cut short"));
                }
                if used == 0 {
                    return Err(io::ErrorKind::WouldBlock.into());
                }
            },
        };
        if n == 0 {
            if self.crc.clone().finalize() != self.expected_crc {
                return Err(damaged("the part's CRC-32 does not match"));
            }
            self.checked = true;
            return Ok(0);
        }
        self.crc.update(&buf[..n]);
        Ok(n)
    }
}

impl Inflate<Vec<u8>> {
    /// An entry whose stored bytes will be [`Inflate::give`]n a piece at a time.
    pub fn given(deflated: bool, crc: u32) -> Self {
        Inflate {
            stored_whole: false,
            ..Inflate::new(Vec::new(), deflated, crc)
        }
    }

    /// The next stored bytes; `None` after the last.
    pub fn give(&mut self, more: Option<&[u8]>) {
        self.stored.drain(..self.at);
        self.at = 0;
        match more {
            Some(more) => self.stored.extend_from_slice(more),
            None => self.stored_whole = true,
        }
    }
}

impl<B: AsRef<[u8]>> Source for Inflate<B> {
    fn poll_read(&mut self, buf: &mut [u8]) -> Poll<io::Result<usize>> {
        Poll::Ready(self.read(buf))
    }
}

/// Parts whose inflated bytes are fed from outside as they arrive (in the page, from the
/// zipper): the reader is pending while no piece is there. Each part the reader opens is
/// [`Feed::wanted`] once; feed it with [`Feed::give`] and [`Feed::end`], then poll again.
#[derive(Clone, Default)]
pub struct Feed {
    fed: Rc<RefCell<Fed>>,
    /// The sheet part the reader will open next ([`Sources::coming`]); kept apart from the
    /// part being read, which each part opened starts afresh.
    coming: Rc<Cell<Option<Entry>>>,
}

#[derive(Default)]
struct Fed {
    pieces: VecDeque<Vec<u8>>,
    /// Pieces read, kept for the next ones: a megabyte allocated and freed per piece
    /// among a province's row allocations makes every allocation slow.
    spare: Vec<Vec<u8>>,
    /// Bytes of the first piece already read.
    taken: usize,
    ended: bool,
    failed: bool,
    /// The part opened and not yet asked for, and whether it is a sheet wanted as records.
    wanted: Option<(Entry, bool)>,
}

impl Feed {
    /// The part the reader has opened since the last call, if any, and whether it is a
    /// sheet whose cells are wanted scanned, as records ([`super::records::SheetScan`]),
    /// rather than its XML.
    pub fn wanted(&self) -> Option<(Entry, bool)> {
        self.fed.borrow_mut().wanted.take()
    }

    /// The sheet part that will be opened scanned later, once told (see [`Sources::coming`]).
    pub fn coming(&self) -> Option<Entry> {
        self.coming.take()
    }

    /// The next inflated bytes of the part being read.
    pub fn give(&self, piece: &[u8]) {
        self.give_with(piece.len(), |room| room.copy_from_slice(piece));
    }

    /// The next `len` inflated bytes of the part being read, written by `fill` into the
    /// room given.
    pub fn give_with(&self, len: usize, fill: impl FnOnce(&mut [u8])) {
        if len == 0 {
            return;
        }
        let mut fed = self.fed.borrow_mut();
        let mut piece = fed.spare.pop().unwrap_or_default();
        piece.resize(len, 0);
        fill(&mut piece);
        fed.pieces.push_back(piece);
    }

    /// The part is whole, or (`whole` false) could not be inflated: the reader then leaves
    /// the file to calamine, which says what is wrong with it.
    pub fn end(&self, whole: bool) {
        let mut fed = self.fed.borrow_mut();
        fed.ended = true;
        fed.failed = !whole;
    }

    fn start(&self, entry: Entry, scanned: bool) -> Feed {
        *self.fed.borrow_mut() = Fed {
            wanted: Some((entry, scanned)),
            ..Fed::default()
        };
        self.clone()
    }
}

impl Sources for Feed {
    type Part<'a> = Feed;
    fn open<'a>(&'a mut self, _bytes: &'a [u8], entry: Entry) -> Feed {
        self.start(entry, false)
    }

    fn scans_sheets(&self) -> bool {
        true
    }

    fn open_scanned<'a>(&'a mut self, _bytes: &'a [u8], entry: Entry) -> Feed {
        self.start(entry, true)
    }

    fn coming(&mut self, entry: Entry) {
        self.coming.set(Some(entry));
    }
}

impl Source for Feed {
    fn poll_read(&mut self, buf: &mut [u8]) -> Poll<io::Result<usize>> {
        let mut fed = self.fed.borrow_mut();
        let fed = &mut *fed;
        if let Some(piece) = fed.pieces.front() {
            let rest = &piece[fed.taken..];
            let n = rest.len().min(buf.len());
            buf[..n].copy_from_slice(&rest[..n]);
            fed.taken += n;
            if fed.taken == piece.len() {
                if let Some(read) = fed.pieces.pop_front() {
                    if fed.spare.len() < 2 {
                        fed.spare.push(read);
                    }
                }
                fed.taken = 0;
            }
            return Poll::Ready(Ok(n));
        }
        if fed.failed {
            return Poll::Ready(Err(damaged("the part could not be inflated")));
        }
        if fed.ended {
            return Poll::Ready(Ok(0));
        }
        Poll::Pending
    }
}

/// Runs a reader as far as its sources let it: done, or pending until more bytes arrive.
pub fn read_on<T, F: Future<Output = T> + ?Sized>(reader: std::pin::Pin<&mut F>) -> Poll<T> {
    reader.poll(&mut Context::from_waker(Waker::noop()))
}

/// Runs a reader whose sources are never pending ([`Here`]) to its end; `None` if one was.
pub fn read_now<T>(reader: impl Future<Output = T>) -> Option<T> {
    match read_on(pin!(reader)) {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::DeflateEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn deflated(data: &[u8]) -> Vec<u8> {
        let mut e = DeflateEncoder::new(Vec::new(), Compression::new(6));
        e.write_all(data).expect("in memory");
        e.finish().expect("in memory")
    }

    fn read_all<B: AsRef<[u8]>>(mut part: Inflate<B>, piece: usize) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        let mut buf = vec![0; piece];
        loop {
            let n = part.read(&mut buf)?;
            if n == 0 {
                return Ok(out);
            }
            out.extend_from_slice(&buf[..n]);
        }
    }

    fn sample() -> Vec<u8> {
        (0..300_000u32)
            .flat_map(|i| format!("<c r=\"A{i}\"><v>{}</v></c>", i % 977).into_bytes())
            .collect()
    }

    #[test]
    fn deflated_and_stored_parts_come_back_whole_in_any_piece_size() {
        let data = sample();
        let crc = crc32fast::hash(&data);
        let packed = deflated(&data);
        for piece in [1, 7, 4096, 1 << 20] {
            let got = read_all(Inflate::new(&packed[..], true, crc), piece).expect("reads");
            assert!(got == data, "deflated, pieces of {piece}");
            let got = read_all(Inflate::new(&data[..], false, crc), piece).expect("reads");
            assert!(got == data, "stored, pieces of {piece}");
        }
    }

    /// Reads a part whose stored bytes are given `given` bytes at a time, as asked for.
    fn read_given(stored: &[u8], deflated: bool, crc: u32, given: usize) -> io::Result<Vec<u8>> {
        let mut part = Inflate::given(deflated, crc);
        let mut chunks = stored.chunks(given);
        let mut out = Vec::new();
        let mut buf = vec![0; 65536];
        loop {
            match part.read(&mut buf) {
                Ok(0) => return Ok(out),
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => part.give(chunks.next()),
                Err(e) => return Err(e),
            }
        }
    }

    #[test]
    fn stored_bytes_given_in_pieces_come_back_whole() {
        let data = sample();
        let crc = crc32fast::hash(&data);
        let packed = deflated(&data);
        for given in [1, 1000, 1 << 20, 1 << 24] {
            assert!(
                read_given(&packed, true, crc, given).expect("reads") == data,
                "deflated, given {given}"
            );
            assert!(
                read_given(&data, false, crc, given).expect("reads") == data,
                "stored, given {given}"
            );
        }
        assert!(
            read_given(&packed[..packed.len() / 3], true, crc, 1000).is_err(),
            "cut short"
        );
        assert!(
            read_given(&packed, true, crc ^ 1, 1000).is_err(),
            "wrong CRC"
        );
    }

    #[test]
    fn damage_is_an_error_not_a_short_part() {
        let data = sample();
        let crc = crc32fast::hash(&data);
        let packed = deflated(&data);
        // A wrong CRC.
        assert!(read_all(Inflate::new(&packed[..], true, crc ^ 1), 65536).is_err());
        assert!(read_all(Inflate::new(&data[..], false, crc ^ 1), 65536).is_err());
        // The deflate data cut short.
        let cut = &packed[..packed.len() / 2];
        assert!(read_all(Inflate::new(cut, true, crc), 65536).is_err());
        // Not deflate data at all.
        assert!(read_all(Inflate::new(&data[..], true, crc), 65536).is_err());
    }
}
