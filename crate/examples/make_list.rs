//! Makes a synthetic, realistic and dirty child list as exported by a commune, for the
//! page's sample data, the tests and the benchmarks. No real person is in it.
//!
//! `cargo run --release --example make_list -- --rows 200 --seed 7 -o sample.xlsx`

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};

const SURNAMES: &[(&str, u32)] = &[
    ("Nguyễn", 380),
    ("Trần", 120),
    ("Lê", 95),
    ("Phạm", 70),
    ("Hoàng", 30),
    ("Huỳnh", 21),
    ("Phan", 45),
    ("Vũ", 22),
    ("Võ", 17),
    ("Đặng", 21),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
    ("Lò", 3),
    ("Hà", 4),
    ("Vi", 2),
    ("Giàng", 2),
    ("Thào", 2),
    ("Đinh", 5),
    ("Lương", 3),
];
const MIDDLE_MALE: &[&str] = &[
    "Văn", "Đức", "Minh", "Quốc", "Gia", "Hoàng", "Thành", "Hữu", "Công", "Anh",
];
const MIDDLE_FEMALE: &[&str] = &[
    "Thị", "Ngọc", "Thu", "Khánh", "Bảo", "Phương", "Minh", "Thanh", "Hoài", "Mai",
];
const GIVEN_MALE: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Duy", "Đức", "Hải", "Hiếu", "Hoàng", "Huy", "Khang", "Khoa",
    "Kiên", "Long", "Lâm", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn", "Thắng",
    "Thịnh", "Tiến", "Trung", "Tuấn", "Việt", "Vinh", "Vũ",
];
const GIVEN_FEMALE: &[&str] = &[
    "An", "Anh", "Chi", "Diệp", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Huyền", "Lan",
    "Linh", "Loan", "Mai", "My", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo",
    "Thủy", "Trang", "Tuyết", "Uyên", "Vân", "Yến", "Hòa",
];
const ETHNIC: &[(&str, u32)] = &[
    ("Kinh", 850),
    ("Tày", 40),
    ("Thái", 35),
    ("Mường", 30),
    ("Mông", 15),
    ("Nùng", 12),
    ("Dao", 10),
    ("Khơ-me", 8),
];
const VILLAGES: &[&str] = &[
    "Thôn 1",
    "Thôn 2",
    "Thôn Đông",
    "Thôn Tây",
    "Xóm Mới",
    "Tổ 5",
    "Bản Pác Nặm",
    "Ấp Hòa Bình",
];
const COMMUNES: &[(&str, &str, &str)] = &[
    ("Xã Tân Lập", "Tỉnh Thái Nguyên", "019"),
    ("Xã Yên Thủy", "Tỉnh Phú Thọ", "017"),
    ("Phường Hòa Khánh", "Thành phố Đà Nẵng", "048"),
    ("Xã Phú Hòa", "Tỉnh Gia Lai", "064"),
];

/// A small, seedable generator (xorshift64*), so the same seed gives the same list.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(1000) < percent * 10
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn weighted<'a>(&mut self, items: &'a [(&'a str, u32)]) -> &'a str {
        let total: u32 = items.iter().map(|i| i.1).sum();
        let mut x = self.below(u64::from(total)) as u32;
        for (name, w) in items {
            if x < *w {
                return name;
            }
            x -= w;
        }
        items[0].0
    }
}

fn name(rng: &mut Rng, surname: &str, female: bool) -> String {
    let (middle, given) = if female {
        (MIDDLE_FEMALE, GIVEN_FEMALE)
    } else {
        (MIDDLE_MALE, GIVEN_MALE)
    };
    format!("{surname} {} {}", rng.pick(middle), rng.pick(given))
}

/// Damage a name the ways real lists are damaged: NFD, extra spaces, capitals, lower case.
fn damaged_name(rng: &mut Rng, surname: &str, female: bool) -> String {
    let clean = name(rng, surname, female);
    damage_name(rng, clean)
}

fn damage_name(rng: &mut Rng, name: String) -> String {
    use unicode_normalization::UnicodeNormalization;
    match rng.below(100) {
        0..=3 => name.nfd().collect(),
        4..=6 => format!(" {}  ", name.replace(' ', "  ")),
        7..=8 => name.to_uppercase(),
        9 => name.to_lowercase(),
        _ => name,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let arg = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let rows: u32 = arg("--rows").and_then(|v| v.parse().ok()).unwrap_or(200);
    let seed: u64 = arg("--seed").and_then(|v| v.parse().ok()).unwrap_or(7);
    let out = arg("-o").unwrap_or_else(|| "sample.xlsx".into());
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);

    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new().set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("Danh sách")?;
    let bold = Format::new().set_bold().set_align(FormatAlign::Center);
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let headers = [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Dân tộc",
        "Số định danh cá nhân",
        "Họ tên cha",
        "Năm sinh cha",
        "Họ tên mẹ",
        "Năm sinh mẹ",
        "Người giám hộ",
        "Số điện thoại",
        "Thôn/Tổ",
        "Xã/Phường",
        "Tỉnh/Thành phố",
        "Ghi chú",
    ];
    let last_col = headers.len() as u16 - 1;
    let (commune, province, id_prefix) = *rng.pick(COMMUNES);
    sheet.merge_range(
        0,
        0,
        0,
        last_col,
        &format!("UBND {}", commune.to_uppercase()),
        &bold,
    )?;
    sheet.merge_range(
        1,
        0,
        1,
        last_col,
        "DANH SÁCH TRẺ EM DƯỚI 16 TUỔI CẦN CHUẨN HÓA, LÀM SẠCH DỮ LIỆU",
        &bold,
    )?;
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(3, c as u16, *h, &bold)?;
        sheet.write_string(4, c as u16, format!("({})", c + 1))?;
    }

    // Serial of 2026-06-30 (1900 system): children are 0–15 years before it.
    let reference_serial = 46_203u32;
    for i in 0..rows {
        let r = 5 + i;
        let female = rng.chance(49);
        let surname = rng.weighted(SURNAMES);
        let child = damaged_name(&mut rng, surname, female);
        let age_days = rng.below(16 * 365) as u32;
        let serial = reference_serial - age_days;
        let (y, m, d) = serial_to_ymd(serial);
        sheet.write_number(r, 0, f64::from(i + 1))?;
        sheet.write_string(r, 1, &child)?;
        match rng.below(10) {
            0..=5 => sheet.write_number_with_format(r, 2, f64::from(serial), &date_format)?,
            6..=8 => sheet.write_string(r, 2, format!("{d:02}/{m:02}/{y}"))?,
            _ => sheet.write_string(r, 2, format!("{d}/{m}/{y}"))?,
        };
        let gender = match (female, rng.below(20)) {
            (true, 0) => "nữ",
            (true, 1) => "Nu",
            (true, _) => "Nữ",
            (false, 0) => "nam",
            (false, 1) => "NAM",
            (false, _) => "Nam",
        };
        sheet.write_string(r, 3, gender)?;
        sheet.write_string(r, 4, rng.weighted(ETHNIC))?;
        if !rng.chance(15) {
            let century_sex = if female { 3 } else { 2 };
            let id = format!(
                "{id_prefix}{century_sex}{:02}{:06}",
                y % 100,
                rng.below(1_000_000)
            );
            if rng.chance(6) {
                // Typed into a number cell: the leading zero is lost.
                sheet.write_number(r, 5, id.parse::<f64>().unwrap_or(0.0))?;
            } else {
                sheet.write_string(r, 5, &id)?;
            }
        }
        let father_surname = surname;
        if !rng.chance(8) {
            sheet.write_string(r, 6, damaged_name(&mut rng, father_surname, false))?;
            sheet.write_number(r, 7, f64::from(y - 22 - rng.below(15) as u32))?;
        }
        let mother_surname = rng.weighted(SURNAMES);
        if !rng.chance(5) {
            sheet.write_string(r, 8, damaged_name(&mut rng, mother_surname, true))?;
            sheet.write_number(r, 9, f64::from(y - 20 - rng.below(15) as u32))?;
        }
        if rng.chance(3) {
            let (guardian_surname, guardian_female) = (rng.weighted(SURNAMES), rng.chance(50));
            sheet.write_string(r, 10, name(&mut rng, guardian_surname, guardian_female))?;
        }
        let phone = format!("09{:08}", rng.below(100_000_000));
        if rng.chance(10) {
            sheet.write_number(r, 11, phone.parse::<f64>().unwrap_or(0.0))?;
        } else {
            sheet.write_string(r, 11, &phone)?;
        }
        let village = *rng.pick(VILLAGES);
        sheet.write_string(
            r,
            12,
            if rng.chance(5) {
                format!("{village} ")
            } else {
                village.to_string()
            },
        )?;
        sheet.write_string(r, 13, commune)?;
        sheet.write_string(r, 14, province)?;
        if rng.chance(4) {
            sheet.write_string(r, 15, "Chuyển đến")?;
        }
    }
    let footer = 5 + rows + 1;
    sheet.write_string(footer, 1, "Người lập biểu")?;
    sheet.write_string(footer, 12, "XÁC NHẬN CỦA UBND XÃ")?;
    sheet.set_column_width(1, 26)?;
    sheet.set_column_width(5, 16)?;
    book.save(&out)?;
    Ok(())
}

/// 1900-system serial → (year, month, day), for serials past 1900-03-01.
fn serial_to_ymd(serial: u32) -> (u32, u32, u32) {
    // Days since 0000-03-01 (Howard Hinnant's civil-from-days).
    let z = i64::from(serial) - 25_569 + 719_468; // serial 25569 = 1970-01-01
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as u32, m as u32, d as u32)
}
