//! `lamsach`: the same cleaning as the page, for batches of files, IT staff and tests.
//!
//! Exit codes: 0 done; 1 wrong usage; 2 a file could not be cleaned (the message says why).

use lamsach::report::Lang;
use lamsach::{options, rules, Error, Options};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
lamsach — làm sạch danh sách trẻ em dưới 16 tuổi (Đề án 06)

Cách dùng / Usage:
  lamsach clean INPUT... [-o OUTPUT] [--report REPORT.json] [--sheet NAME]
                [--reference-date YYYY-MM-DD] [--column ROLE=HEADER]... [--age-limit N]
                [--tone keep|old|new] [--no-name-casing] [--date-cells] [--lang vi|en]
      With several INPUTs, OUTPUT is a folder; each file gets NAME.lamsach.xlsx and
      NAME.lamsach.json there, cleaned in parallel.
  lamsach merge EXPORT NEW [-o OUTPUT.xlsx] [--report REPORT.json] [options as for clean]
      Children found in households (NEW) are cleaned, matched against the export, and
      only the truly new ones appended at its end; possible matches are listed.
  lamsach inspect INPUT [--sheet NAME]   the header row and column roles found
  lamsach rules [--markdown|--json]      every rule code with its severity
  lamsach roles                          the column roles for --column
";

struct CleanArgs {
    inputs: Vec<PathBuf>,
    output: Option<PathBuf>,
    report: Option<PathBuf>,
    options: Options,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("clean") => match parse_clean(&args[1..]) {
            Ok(a) => run_clean(a),
            Err(msg) => usage_error(&msg),
        },
        Some("inspect") => match parse_clean(&args[1..]) {
            Ok(a) if a.inputs.len() == 1 => run_inspect(&a),
            Ok(_) => usage_error("inspect takes one INPUT"),
            Err(msg) => usage_error(&msg),
        },
        Some("merge") => match parse_clean(&args[1..]) {
            Ok(a) if a.inputs.len() == 2 => run_merge(&a),
            Ok(_) => usage_error("merge takes EXPORT and NEW"),
            Err(msg) => usage_error(&msg),
        },
        Some("rules") => {
            if args.iter().any(|a| a == "--markdown") {
                print!("{}", rules::markdown());
            } else if args.iter().any(|a| a == "--json") {
                println!("{}", rules::json());
            } else {
                for r in rules::all() {
                    println!(
                        "{:<24} {:<8} {} / {}",
                        r.code,
                        r.severity.label(Lang::En),
                        r.message_vi,
                        r.message_en
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Some("roles") => {
            for r in lamsach::workbook::role::Role::ALL {
                println!("{:<18} {} / {}", r.key(), r.label_vi(), r.label_en());
            }
            ExitCode::SUCCESS
        }
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error("missing command"),
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("lamsach: {msg}\n\n{USAGE}");
    ExitCode::from(1)
}

fn parse_clean(args: &[String]) -> Result<CleanArgs, String> {
    let mut a = CleanArgs {
        inputs: Vec::new(),
        output: None,
        report: None,
        options: Options::default(),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "-o" | "--output" => a.output = Some(PathBuf::from(value(arg)?)),
            "--report" => a.report = Some(PathBuf::from(value(arg)?)),
            "--sheet" => a.options.sheet = Some(value(arg)?),
            "--reference-date" => {
                a.options.reference_date = Some(
                    options::parse_reference_date(&value(arg)?).map_err(|e| e.message(Lang::En))?,
                )
            }
            "--column" => {
                let v = value(arg)?;
                let (role, column) = v.split_once('=').ok_or("--column takes ROLE=HEADER")?;
                a.options
                    .columns
                    .push((role.to_string(), column.to_string()));
            }
            "--age-limit" => {
                a.options.age_limit = value(arg)?
                    .parse()
                    .map_err(|_| "--age-limit takes a number")?
            }
            "--tone" => {
                a.options.tone_style = match value(arg)?.as_str() {
                    "keep" => lamsach::text::ToneStyle::Keep,
                    "old" => lamsach::text::ToneStyle::Old,
                    "new" => lamsach::text::ToneStyle::New,
                    other => return Err(format!("--tone: unknown style {other}")),
                }
            }
            "--no-name-casing" => a.options.name_casing = false,
            "--date-cells" => a.options.date_output = lamsach::options::DateOutput::DateCell,
            "--lang" => {
                a.options.lang = match value(arg)?.as_str() {
                    "vi" => Lang::Vi,
                    "en" => Lang::En,
                    other => return Err(format!("--lang: unknown language {other}")),
                }
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            path => a.inputs.push(PathBuf::from(path)),
        }
    }
    if a.inputs.is_empty() {
        return Err("missing INPUT".into());
    }
    if a.options.reference_date.is_none() {
        a.options.reference_date = Some(today_in_vietnam());
    }
    Ok(a)
}

/// Today in Vietnam (UTC+7), the default reference date.
fn today_in_vietnam() -> chrono::NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let days = (secs + 7 * 3600).div_euclid(86_400);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_signed(chrono::TimeDelta::days(days)))
        .unwrap_or_default()
}

fn run_inspect(a: &CleanArgs) -> ExitCode {
    let lang = a.options.lang;
    let result = std::fs::read(&a.inputs[0])
        .map_err(|e| Error::BadOption {
            detail: format!("{}: {e}", a.inputs[0].display()),
        })
        .and_then(|bytes| lamsach::open(&bytes, &file_name(&a.inputs[0]), &a.options));
    match result {
        Ok((table, layout)) => {
            println!(
                "sheet: {} ({:?}); sheets: {}",
                table.sheet,
                table.format,
                table.sheets.join(", ")
            );
            println!(
                "header rows: {}-{}; data from row {}",
                layout.header_first + 1,
                layout.header_last + 1,
                layout.data_start + 1
            );
            for c in &layout.columns {
                println!(
                    "{:>3}  {:<18} {}",
                    c.letter,
                    c.role.map(|r| r.key()).unwrap_or("-"),
                    c.header
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.message(lang));
            ExitCode::from(2)
        }
    }
}

fn run_merge(a: &CleanArgs) -> ExitCode {
    let lang = a.options.lang;
    let (export, new) = (&a.inputs[0], &a.inputs[1]);
    let result = (|| -> Result<(), Error> {
        let io = |p: &Path, e: std::io::Error| Error::BadOption {
            detail: format!("{}: {e}", p.display()),
        };
        let export_bytes = std::fs::read(export).map_err(|e| io(export, e))?;
        let new_bytes = std::fs::read(new).map_err(|e| io(new, e))?;
        let (cleaned, merged) = lamsach::clean_and_merge(
            (&export_bytes, &file_name(export)),
            (&new_bytes, &file_name(new)),
            &a.options,
            &mut |_, _, _| {},
        )?;
        let m = &merged.summary;
        eprintln!(
            "{}: {} children in the new list: {} added, {} already there, {} possibly there (listed for a person to decide)",
            new.display(),
            m.new_list_records,
            m.added,
            m.already_there,
            m.possibly_there
        );
        if let Some(report) = &a.report {
            std::fs::write(report, lamsach::report_json(&cleaned)).map_err(|e| io(report, e))?;
        }
        let output = a
            .output
            .clone()
            .unwrap_or_else(|| sibling(export, "lamsach.xlsx"));
        write_file(&output, |sink| lamsach::write_workbook_to(&cleaned, sink))
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", e.message(lang));
            ExitCode::from(2)
        }
    }
}

fn run_clean(a: CleanArgs) -> ExitCode {
    if a.inputs.len() == 1 {
        let input = &a.inputs[0];
        let output = a
            .output
            .clone()
            .unwrap_or_else(|| sibling(input, "lamsach.xlsx"));
        return match clean_one(input, &output, a.report.as_deref(), &a.options) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{}: {}", input.display(), e.message(a.options.lang));
                ExitCode::from(2)
            }
        };
    }
    // A batch: one worker thread per core, files taken from a shared queue.
    let out_dir = a.output.clone();
    if let Some(dir) = &out_dir {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("{}: {e}", dir.display());
            return ExitCode::from(2);
        }
    }
    let queue = std::sync::Mutex::new(a.inputs.iter());
    let failures = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(a.inputs.len());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let Some(input) = queue.lock().ok().and_then(|mut q| q.next()) else {
                    break;
                };
                let place = |ext: &str| match &out_dir {
                    Some(dir) => dir.join(format!("{}.{ext}", stem(input))),
                    None => sibling(input, ext),
                };
                let (xlsx, json) = (place("lamsach.xlsx"), place("lamsach.json"));
                if let Err(e) = clean_one(input, &xlsx, Some(&json), &a.options) {
                    eprintln!("{}: {}", input.display(), e.message(a.options.lang));
                    failures.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
            });
        }
    });
    if failures.into_inner() > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn clean_one(
    input: &Path,
    output: &Path,
    report: Option<&Path>,
    options: &Options,
) -> Result<(), Error> {
    let io = |p: &Path, e: std::io::Error| Error::BadOption {
        detail: format!("{}: {e}", p.display()),
    };
    let t0 = std::time::Instant::now();
    let bytes = std::fs::read(input).map_err(|e| io(input, e))?;
    let (table, layout) = lamsach::open(&bytes, &file_name(input), options)?;
    let t_read = t0.elapsed();
    let cleaned = lamsach::clean::clean_table(table, layout, options, &mut |_, _, _| {});
    let t_check = t0.elapsed();
    let s = &cleaned.summary;
    // Counts only: no value from the list is ever printed.
    eprintln!(
        "{}: {} records, {} cells fixed, {} warnings, {} errors",
        input.display(),
        s.records,
        s.cells_fixed,
        s.warnings,
        s.errors
    );
    if let Some(report) = report {
        std::fs::write(report, lamsach::report_json(&cleaned)).map_err(|e| io(report, e))?;
    }
    let t_report = t0.elapsed();
    write_file(output, |sink| lamsach::write_workbook_to(&cleaned, sink))?;
    if std::env::var_os("LAMSACH_TIMINGS").is_some() {
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        eprintln!(
            "timings_ms read={:.0} check={:.0} report={:.0} write={:.0} total={:.0}",
            ms(t_read),
            ms(t_check - t_read),
            ms(t_report - t_check),
            ms(t0.elapsed() - t_report),
            ms(t0.elapsed())
        );
    }
    Ok(())
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "list".into())
}

fn sibling(input: &Path, ext: &str) -> PathBuf {
    input.with_file_name(format!("{}.{ext}", stem(input)))
}

/// Writes `output` through `write` as it is made; a file left half-written by an error is
/// removed, so no broken workbook stays behind.
fn write_file(
    output: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> Result<(), Error>,
) -> Result<(), Error> {
    let failed = |e: std::io::Error| Error::BadOption {
        detail: format!("{}: {e}", output.display()),
    };
    let file = std::fs::File::create(output).map_err(failed)?;
    let mut sink = std::io::BufWriter::with_capacity(1 << 20, file);
    let result = write(&mut sink).and_then(|()| std::io::Write::flush(&mut sink).map_err(failed));
    if result.is_err() {
        drop(sink);
        let _ = std::fs::remove_file(output);
    }
    result
}
