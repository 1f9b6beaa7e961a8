//! Every way a file can be refused, each with a message a person can act on, in
//! Vietnamese and English.

use crate::report::Lang;
use std::fmt;

/// Largest input accepted, in bytes. A whole province (340,782 children) is about 32 MB as
/// xlsx; 200 MB leaves room for wide sheets while keeping the wasm heap (at most 4 GiB)
/// safe.
pub const MAX_INPUT_BYTES: usize = 200 * 1024 * 1024;

/// Most rows an Excel sheet can hold (Excel's own limit, 1,048,576).
pub const MAX_SHEET_ROWS: u32 = 1_048_576;

#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The file has no bytes at all.
    EmptyFile,
    /// Larger than [`MAX_INPUT_BYTES`].
    TooLarge { bytes: usize },
    /// Not a spreadsheet format we know (xlsx, xls, ods, csv).
    NotASpreadsheet,
    /// A web page saved with an .xls name.
    HtmlDisguisedAsXls,
    /// Protected with a password (encrypted OOXML or a BIFF FILEPASS record).
    Encrypted,
    /// The file is damaged or truncated; `detail` is the reader's own words.
    Corrupt { detail: String },
    /// The workbook holds no worksheet with cells.
    NoSheets,
    /// `--sheet` / the page named a sheet that does not exist.
    SheetNotFound {
        name: String,
        available: Vec<String>,
    },
    /// A sheet's used range (rows × columns from A1) is beyond Excel's grid or larger than
    /// [`crate::workbook::limits::MAX_CELLS`]; found before the sheet is read.
    TooManyCells {
        sheet: String,
        rows: u64,
        columns: u64,
    },
    /// A part of the zip would unpack to more than its budget (see `workbook::limits`).
    UnpackedTooLarge {
        part: String,
        bytes: u64,
        limit: u64,
    },
    /// A part is packed far tighter than any real sheet: a zip bomb.
    ZipBomb { part: String, ratio: u64 },
    /// The chosen sheet has no cells.
    EmptySheet { sheet: String },
    /// No row in the first rows looks like a header (Họ tên, Ngày sinh, …).
    NoHeader { sheet: String },
    /// A column override named a role we do not know.
    UnknownRole { role: String },
    /// A column override named a header or letter that is not in the sheet.
    UnknownColumn { column: String },
    /// A CLI or page option that cannot be read (e.g. a malformed date).
    BadOption { detail: String },
    /// Writing the cleaned workbook failed.
    Write { detail: String },
    /// Test builds only: a deliberate panic was requested.
    #[doc(hidden)]
    PanicRequested,
}

impl Error {
    /// A stable short code for the page and the tests.
    pub fn code(&self) -> &'static str {
        match self {
            Error::EmptyFile => "empty_file",
            Error::TooLarge { .. } => "too_large",
            Error::NotASpreadsheet => "not_a_spreadsheet",
            Error::HtmlDisguisedAsXls => "html_disguised",
            Error::Encrypted => "encrypted",
            Error::Corrupt { .. } => "corrupt",
            Error::NoSheets => "no_sheets",
            Error::SheetNotFound { .. } => "sheet_not_found",
            Error::TooManyCells { .. } => "too_many_cells",
            Error::UnpackedTooLarge { .. } => "unpacked_too_large",
            Error::ZipBomb { .. } => "zip_bomb",
            Error::EmptySheet { .. } => "empty_sheet",
            Error::NoHeader { .. } => "no_header",
            Error::UnknownRole { .. } => "unknown_role",
            Error::UnknownColumn { .. } => "unknown_column",
            Error::BadOption { .. } => "bad_option",
            Error::Write { .. } => "write_failed",
            Error::PanicRequested => "panic_requested",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.message_vi(),
            Lang::En => self.message_en(),
        }
    }

    fn message_vi(&self) -> String {
        match self {
            Error::EmptyFile => "Tệp rỗng (0 byte). Hãy xuất lại danh sách từ phần mềm rồi chọn tệp mới.".into(),
            Error::TooLarge { bytes } => format!(
                "Tệp quá lớn ({} MB, tối đa {} MB). Hãy chia danh sách theo huyện hoặc xã rồi làm sạch từng phần.",
                bytes / (1024 * 1024),
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
            Error::NotASpreadsheet => "Đây không phải tệp bảng tính (xlsx, xls, ods, csv). Hãy chọn tệp Excel đã xuất từ phần mềm.".into(),
            Error::HtmlDisguisedAsXls => "Tệp có đuôi .xls nhưng thực ra là trang web (HTML). Hãy mở tệp trong Excel, chọn Lưu thành (Save As) kiểu .xlsx rồi chọn lại.".into(),
            Error::Encrypted => "Tệp này có mật khẩu: hãy mở trong Excel, bỏ mật khẩu rồi lưu lại.".into(),
            Error::Corrupt { detail } => format!(
                "Tệp bị hỏng hoặc chưa được chép hết nên LamSach không đọc được. Hãy mở thử trong Excel: nếu Excel mở được, chọn Lưu thành (Save As) kiểu .xlsx rồi chọn lại tệp mới; nếu không, hãy xuất lại danh sách từ phần mềm. (Chi tiết kỹ thuật: {detail})"
            ),
            Error::NoSheets => "Tệp không có trang tính nào chứa dữ liệu. Hãy mở tệp trong Excel để xem lại, hoặc xuất lại danh sách từ phần mềm.".into(),
            Error::SheetNotFound { name, available } => format!(
                "Không có trang tính tên \"{name}\". Các trang có trong tệp: {}. Hãy chọn một trong các trang này.",
                available.join(", ")
            ),
            Error::TooManyCells { sheet, rows, columns } => format!(
                "Vùng dữ liệu của trang \"{sheet}\" rộng {rows} dòng × {columns} cột, vượt quá {} ô mà LamSach xử lý được (tối đa 1.048.576 dòng, 16.384 cột). Thường do một ô có dữ liệu nằm lạc rất xa cuối danh sách: trong Excel nhấn Ctrl+End để tìm, xoá các dòng, cột thừa rồi lưu lại. Nếu danh sách thật sự lớn như vậy, hãy chia theo huyện hoặc xã.",
                crate::workbook::limits::MAX_CELLS
            ),
            Error::UnpackedTooLarge { part, bytes, limit } => format!(
                "Phần \"{part}\" của tệp khi giải nén chiếm {} MB, vượt giới hạn {} MB. Hãy chia danh sách theo huyện hoặc xã rồi làm sạch từng phần.",
                bytes / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            Error::ZipBomb { part, ratio } => format!(
                "Phần \"{part}\" của tệp bị nén chặt bất thường ({ratio}:1), dấu hiệu của tệp độc hại (zip bomb), nên LamSach không mở. Nếu tệp xuất từ phần mềm chính thức, hãy mở trong Excel và lưu lại thành .xlsx."
            ),
            Error::EmptySheet { sheet } => format!("Trang tính \"{sheet}\" không có ô nào có dữ liệu. Hãy chọn trang khác."),
            Error::NoHeader { sheet } => format!(
                "Không tìm thấy dòng tiêu đề (Họ và tên, Ngày sinh, Giới tính…) trong 30 dòng đầu của trang \"{sheet}\". Hãy kiểm tra lại tệp hoặc chọn trang khác."
            ),
            Error::UnknownRole { role } => format!("Không biết vai trò cột \"{role}\". Hãy chọn vai trò trong danh sách có sẵn (trên dòng lệnh: xem bằng lệnh `lamsach roles`)."),
            Error::UnknownColumn { column } => format!("Không có cột \"{column}\" trong dòng tiêu đề. Hãy ghi đúng chữ cái của cột (A, B, C…) hoặc đúng tiêu đề như trong tệp."),
            Error::BadOption { detail } => format!("Một tuỳ chọn không đọc được. Hãy xem lại các tuỳ chọn (ngày tính tuổi ghi theo ngày/tháng/năm, giới hạn tuổi là số) rồi bấm lại. (Chi tiết kỹ thuật: {detail})"),
            Error::Write { detail } => format!("Không ghi được tệp kết quả. Hãy đóng bớt các chương trình và thẻ trình duyệt khác rồi bấm tải lại; nếu vẫn không được, hãy chia danh sách theo xã rồi làm sạch từng phần. (Chi tiết kỹ thuật: {detail})"),
            Error::PanicRequested => "Lỗi thử nghiệm (chỉ có trong bản thử).".into(),
        }
    }

    fn message_en(&self) -> String {
        match self {
            Error::EmptyFile => "The file is empty (0 bytes). Export the list from the software again and choose the new file.".into(),
            Error::TooLarge { bytes } => format!(
                "The file is too large ({} MB, at most {} MB). Split the list by district or commune and clean each part.",
                bytes / (1024 * 1024),
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
            Error::NotASpreadsheet => "This is not a spreadsheet (xlsx, xls, ods, csv). Choose the Excel file exported from the software.".into(),
            Error::HtmlDisguisedAsXls => "The file is named .xls but is really a web page (HTML). Open it in Excel, Save As .xlsx, and choose it again.".into(),
            Error::Encrypted => "This file has a password: open it in Excel, remove the password, and save it again.".into(),
            Error::Corrupt { detail } => format!(
                "The file is damaged or was not copied completely, so LamSach cannot read it. Try opening it in Excel: if Excel can, Save As .xlsx and choose the new file; if not, export the list from the software again. (Technical detail: {detail})"
            ),
            Error::NoSheets => "The workbook has no worksheet with data. Open it in Excel to check it, or export the list from the software again.".into(),
            Error::SheetNotFound { name, available } => format!(
                "There is no sheet named \"{name}\". Sheets in the file: {}. Choose one of them.",
                available.join(", ")
            ),
            Error::TooManyCells { sheet, rows, columns } => format!(
                "The used range of sheet \"{sheet}\" is {rows} rows × {columns} columns, more than the {} cells LamSach can hold (and Excel's grid is at most 1,048,576 rows by 16,384 columns). Often a stray value far below or right of the list causes this: in Excel press Ctrl+End to find it, delete the extra rows and columns, and save. If the list really is that large, split it by district or commune.",
                crate::workbook::limits::MAX_CELLS
            ),
            Error::UnpackedTooLarge { part, bytes, limit } => format!(
                "Part \"{part}\" of the file would unpack to {} MB, more than the {} MB limit. Split the list by district or commune and clean each part.",
                bytes / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            Error::ZipBomb { part, ratio } => format!(
                "Part \"{part}\" of the file is packed unusually tightly ({ratio}:1), the mark of a malicious \"zip bomb\", so LamSach will not open it. If the file came from the official software, open it in Excel and save it again as .xlsx."
            ),
            Error::EmptySheet { sheet } => format!("Sheet \"{sheet}\" has no cells with data. Choose another sheet."),
            Error::NoHeader { sheet } => format!(
                "No header row (Họ và tên, Ngày sinh, Giới tính…) was found in the first 30 rows of sheet \"{sheet}\". Check the file or choose another sheet."
            ),
            Error::UnknownRole { role } => format!("Unknown column role \"{role}\". Choose one of the roles offered (on the command line, list them with `lamsach roles`)."),
            Error::UnknownColumn { column } => format!("There is no column \"{column}\" in the header row. Give the column's letter (A, B, C…) or its header exactly as in the file."),
            Error::BadOption { detail } => format!("An option could not be read. Check the options (the reference date as day/month/year, the age limit as a number) and try again. (Technical detail: {detail})"),
            Error::Write { detail } => format!("The result file could not be written. Close other programs and browser tabs and download again; if it still fails, split the list by commune and clean each part. (Technical detail: {detail})"),
            Error::PanicRequested => "Test failure (test builds only).".into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\n{}", self.message_vi(), self.message_en())
    }
}

impl std::error::Error for Error {}
