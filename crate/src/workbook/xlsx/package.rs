//! Where a workbook's parts go. Usually into a zip made as they come ([`Zip`]). The page
//! hands the parts' XML to a second worker that compresses them with its own [`Zip`], so
//! that making the XML and compressing it run on two cores: a `file://` page may start
//! workers but not threads. Each write is deflated on its own ([`Deflater`]), so the first
//! worker deflates some writes itself while the second has enough to do and hands over
//! [`Block`]s instead. Every way gives the same bytes, because each write becomes the same
//! block wherever it is deflated.
//!
//! The writer is a future so that it can pause: a worker running wasm cannot block, and
//! the page's worker must now and then take the second worker's news (how far it got, the
//! buffers it returns) between writes.

use crate::error::Error;
use flate2::{Compress, Compression, FlushCompress};
use std::future::Future;
use std::io::{self, Write};
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

/// Deflate level of the parts. Measured on a 340,782-row list (scripts/bench): level 1 writes
/// the workbook several times faster than level 6 for a file about a third larger; level 2
/// (62.6 MB, written natively in about 2.2 s) against level 1 (86.2 MB, 1.7 s) keeps the
/// file a quarter smaller for half a second.
pub const DEFAULT_LEVEL: u32 = 2;

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

/// One write of a part deflated on its own (see [`Deflater`]): bytes that continue the
/// part's deflate stream, with the CRC-32 and length of what they hold.
#[derive(Clone, Copy, Debug)]
pub struct Block<'b> {
    pub bytes: &'b [u8],
    pub crc: u32,
    pub len: u64,
}

/// Deflates each write of a part on its own, from a fresh state, ending in a sync flush:
/// non-final deflate blocks that stop on a byte boundary and refer to nothing before them,
/// so that the blocks of one part can be deflated anywhere (the page's two workers share
/// them) and joined in order as one valid stream. What this costs in size (the first bytes
/// of each 256 KB write find no earlier match) was measured at 0.3 % of a province's sheets.
pub struct Deflater {
    compress: Compress,
    out: Vec<u8>,
}

impl Default for Deflater {
    fn default() -> Self {
        Deflater {
            compress: Compress::new(Compression::new(DEFAULT_LEVEL), false),
            out: Vec::new(),
        }
    }
}

impl Deflater {
    /// `raw` deflated; the bytes are valid until the next call.
    pub fn deflate(&mut self, raw: &[u8]) -> io::Result<Block<'_>> {
        self.compress.reset();
        self.out.clear();
        // Enough for anything but incompressible data, which the loop below also handles.
        self.out.reserve(raw.len() / 2 + 1024);
        let mut taken = 0;
        loop {
            let before = self.compress.total_in();
            self.compress
                .compress_vec(&raw[taken..], &mut self.out, FlushCompress::Sync)
                .map_err(io::Error::other)?;
            taken += (self.compress.total_in() - before) as usize;
            // Done when all is taken and the flush had room to finish.
            if taken == raw.len() && self.out.len() < self.out.capacity() {
                break;
            }
            self.out.reserve(self.out.capacity().max(1024));
        }
        Ok(Block {
            bytes: &self.out,
            crc: crc32fast::hash(raw),
            len: raw.len() as u64,
        })
    }
}

/// A final, empty deflate block (fixed codes, end of block): ends a part's stream after its
/// sync-flushed blocks.
const FINAL_BLOCK: [u8; 2] = [0x03, 0x00];
/// 1980-01-01 00:00 in MS-DOS form, the earliest a zip can say: the same input gives the
/// same bytes.
const DOS_DATE: u16 = (1 << 5) | 1;
/// General purpose flags: sizes and CRC follow the data (a data descriptor).
const FLAGS: u16 = 1 << 3;
const VERSION_NEEDED: u16 = 20;
/// Made by: Unix, zip 2.0; the entries are plain files, rw-r--r--.
const VERSION_MADE_BY: u16 = (3 << 8) | 20;
const EXTERNAL_ATTRIBUTES: u32 = 0o100_644 << 16;

/// A part in the zip: where its local header is, and what its data descriptor said.
struct Entry {
    name: String,
    offset: u32,
    crc: u32,
    compressed: u32,
    size: u32,
}

/// The part being written.
struct Open {
    name: String,
    offset: u32,
    crc: crc32fast::Hasher,
    compressed: u64,
    size: u64,
}

/// The sink, and how many bytes went into it (the offsets of the parts).
struct Counted<W: Write> {
    sink: W,
    written: u64,
}

impl<W: Write> Counted<W> {
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.sink.write_all(bytes)?;
        self.written += bytes.len() as u64;
        Ok(())
    }
}

/// Parts zipped into a sink as they come: the file never exists whole in memory unless the
/// sink is a `Vec`. Each part's local header comes first, its sizes and CRC after its data
/// (a data descriptor, which Excel and every reader accept), so nothing written is ever
/// revisited. Each write is deflated on its own ([`Deflater`]); blocks deflated elsewhere
/// join with [`Zip::append`], and the file has the same bytes either way.
pub struct Zip<W: Write> {
    out: Counted<W>,
    done: Vec<Entry>,
    open: Option<Open>,
    deflater: Deflater,
    finished: bool,
}

fn too_large() -> io::Error {
    io::Error::other("a part or the file passes the 4 GB a zip without extensions can hold")
}

fn u32_of(n: u64) -> io::Result<u32> {
    u32::try_from(n).map_err(|_| too_large())
}

/// `block` after the blocks of the open part.
fn join<W: Write>(
    open: &mut Option<Open>,
    out: &mut Counted<W>,
    block: Block<'_>,
) -> io::Result<()> {
    let Some(open) = open.as_mut() else {
        return Err(io::Error::other("bytes came before their part"));
    };
    open.crc.combine(&crc32fast::Hasher::new_with_initial_len(
        block.crc, block.len,
    ));
    open.compressed += block.bytes.len() as u64;
    open.size += block.len;
    out.put(block.bytes)
}

impl<W: Write> Zip<W> {
    pub fn new(sink: W) -> Self {
        Zip {
            out: Counted { sink, written: 0 },
            done: Vec::new(),
            open: None,
            deflater: Deflater::default(),
            finished: false,
        }
    }

    fn usable(&self) -> io::Result<()> {
        if self.finished {
            Err(io::Error::other("the package was already finished"))
        } else {
            Ok(())
        }
    }

    /// A block of the part begun last, deflated elsewhere from `block.len` bytes.
    pub fn append(&mut self, block: Block<'_>) -> io::Result<()> {
        self.usable()?;
        join(&mut self.open, &mut self.out, block)
    }

    /// Ends the open part: the final block and the data descriptor.
    fn close(&mut self) -> io::Result<()> {
        let Some(open) = self.open.take() else {
            return Ok(());
        };
        self.out.put(&FINAL_BLOCK)?;
        let entry = Entry {
            name: open.name,
            offset: open.offset,
            crc: open.crc.finalize(),
            compressed: u32_of(open.compressed + FINAL_BLOCK.len() as u64)?,
            size: u32_of(open.size)?,
        };
        let mut d = Vec::with_capacity(16);
        d.extend_from_slice(&0x0807_4b50u32.to_le_bytes());
        d.extend_from_slice(&entry.crc.to_le_bytes());
        d.extend_from_slice(&entry.compressed.to_le_bytes());
        d.extend_from_slice(&entry.size.to_le_bytes());
        self.out.put(&d)?;
        self.done.push(entry);
        Ok(())
    }
}

impl<W: Write> Parts for Zip<W> {
    fn start(&mut self, path: &str) -> io::Result<()> {
        self.usable()?;
        self.close()?;
        let offset = u32_of(self.out.written)?;
        let name = path.as_bytes();
        let name_len = u16::try_from(name.len()).map_err(|_| too_large())?;
        let mut h = Vec::with_capacity(30 + name.len());
        h.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        h.extend_from_slice(&VERSION_NEEDED.to_le_bytes());
        h.extend_from_slice(&FLAGS.to_le_bytes());
        h.extend_from_slice(&8u16.to_le_bytes()); // deflated
        h.extend_from_slice(&0u16.to_le_bytes()); // time
        h.extend_from_slice(&DOS_DATE.to_le_bytes());
        h.extend_from_slice(&[0; 12]); // CRC and sizes: in the data descriptor
        h.extend_from_slice(&name_len.to_le_bytes());
        h.extend_from_slice(&0u16.to_le_bytes()); // extra field
        h.extend_from_slice(name);
        self.out.put(&h)?;
        self.open = Some(Open {
            name: path.to_string(),
            offset,
            crc: crc32fast::Hasher::new(),
            compressed: 0,
            size: 0,
        });
        Ok(())
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.usable()?;
        if self.open.is_none() {
            return Err(io::Error::other("bytes came before their part"));
        }
        // Nothing to deflate: no block, so that the bytes do not depend on empty writes.
        if bytes.is_empty() {
            return Ok(());
        }
        let block = self.deflater.deflate(bytes)?;
        join(&mut self.open, &mut self.out, block)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.usable()?;
        self.close()?;
        self.finished = true;
        let directory_at = u32_of(self.out.written)?;
        let mut d = Vec::new();
        for e in &self.done {
            let name = e.name.as_bytes();
            d.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
            d.extend_from_slice(&VERSION_MADE_BY.to_le_bytes());
            d.extend_from_slice(&VERSION_NEEDED.to_le_bytes());
            d.extend_from_slice(&FLAGS.to_le_bytes());
            d.extend_from_slice(&8u16.to_le_bytes());
            d.extend_from_slice(&0u16.to_le_bytes());
            d.extend_from_slice(&DOS_DATE.to_le_bytes());
            d.extend_from_slice(&e.crc.to_le_bytes());
            d.extend_from_slice(&e.compressed.to_le_bytes());
            d.extend_from_slice(&e.size.to_le_bytes());
            d.extend_from_slice(&(name.len() as u16).to_le_bytes());
            d.extend_from_slice(&[0; 8]); // extra, comment, disk, internal attributes
            d.extend_from_slice(&EXTERNAL_ATTRIBUTES.to_le_bytes());
            d.extend_from_slice(&e.offset.to_le_bytes());
            d.extend_from_slice(name);
        }
        let entries = u16::try_from(self.done.len()).map_err(|_| too_large())?;
        let directory_len = u32_of(d.len() as u64)?;
        d.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        d.extend_from_slice(&[0; 4]); // this disk, the directory's disk
        d.extend_from_slice(&entries.to_le_bytes());
        d.extend_from_slice(&entries.to_le_bytes());
        d.extend_from_slice(&directory_len.to_le_bytes());
        d.extend_from_slice(&directory_at.to_le_bytes());
        d.extend_from_slice(&0u16.to_le_bytes()); // comment
        self.out.put(&d)?;
        self.out.sink.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::io::Read;

    /// Every part of `zip` as (name, content), read by the zip crate, which checks each
    /// part's CRC-32 and sizes against its data.
    fn parts_of(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut part = archive.by_index(i).unwrap();
                let mut content = Vec::new();
                part.read_to_end(&mut content).unwrap();
                (part.name().unwrap().to_string(), content)
            })
            .collect()
    }

    /// A zip of `parts`, each given as its writes; the writes at `elsewhere` (by their
    /// order in the whole file) deflated by a separate [`Deflater`] and appended.
    fn zip_of(parts: &[(String, Vec<Vec<u8>>)], elsewhere: &dyn Fn(usize) -> bool) -> Vec<u8> {
        let mut out = Vec::new();
        let mut zip = Zip::new(&mut out);
        let mut other = Deflater::default();
        let mut n = 0;
        for (name, writes) in parts {
            zip.start(name).unwrap();
            for w in writes {
                if elsewhere(n) && !w.is_empty() {
                    zip.append(other.deflate(w).unwrap()).unwrap();
                } else {
                    zip.write(w).unwrap();
                }
                n += 1;
            }
        }
        zip.finish().unwrap();
        out
    }

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
        assert_eq!(
            parts_of(&out),
            vec![("a.xml".to_string(), b"<a/>".to_vec())]
        );
    }

    #[test]
    fn bytes_before_any_part_are_refused() {
        let mut out = Vec::new();
        let mut zip = Zip::new(&mut out);
        assert!(zip.write(b"<a/>").is_err());
        let block = Deflater::default().deflate(b"<a/>").unwrap().bytes.to_vec();
        let block = Block {
            bytes: &block,
            crc: crc32fast::hash(b"<a/>"),
            len: 4,
        };
        assert!(zip.append(block).is_err());
    }

    #[test]
    fn an_empty_part_and_incompressible_writes_read_back() {
        // 1 MB that deflate cannot shrink: the deflater's buffer must grow past its guess.
        let mut noise = Vec::with_capacity(1 << 20);
        let mut x: u32 = 2_463_534_242;
        while noise.len() < 1 << 20 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            noise.extend_from_slice(&x.to_le_bytes());
        }
        let parts = vec![
            ("empty.xml".to_string(), vec![]),
            (
                "noise.bin".to_string(),
                vec![noise.clone(), Vec::new(), noise.clone()],
            ),
        ];
        let out = zip_of(&parts, &|_| false);
        let read = parts_of(&out);
        assert_eq!(read[0], ("empty.xml".to_string(), Vec::new()));
        assert_eq!(read[1].1, [noise.clone(), noise].concat());
    }

    proptest! {
        /// Whichever writes are deflated elsewhere, the file is the same bytes, and an
        /// independent reader finds every part whole, its CRC-32 and sizes right.
        #[test]
        fn blocks_deflated_anywhere_give_one_file(
            parts in prop::collection::vec(
                ("[a-z]{1,8}\\.xml", prop::collection::vec(
                    prop_oneof![
                        prop::collection::vec(any::<u8>(), 0..300),
                        "(<c r=\"A1\"><v>[0-9]{1,6}</v></c>){0,400}".prop_map(String::into_bytes),
                    ],
                    0..6,
                )),
                1..5,
            ),
            elsewhere in prop::collection::vec(any::<bool>(), 32),
        ) {
            let mut parts = parts;
            // Distinct names, as in a workbook.
            for (i, (name, _)) in parts.iter_mut().enumerate() {
                *name = format!("{i}/{name}");
            }
            let here = zip_of(&parts, &|_| false);
            let shared = zip_of(&parts, &|n| elsewhere[n % elsewhere.len()]);
            prop_assert_eq!(&here, &shared);
            let read = parts_of(&here);
            prop_assert_eq!(read.len(), parts.len());
            for ((name, writes), (read_name, content)) in parts.iter().zip(read) {
                prop_assert_eq!(name, &read_name);
                prop_assert_eq!(writes.concat(), content);
            }
        }
    }
}
