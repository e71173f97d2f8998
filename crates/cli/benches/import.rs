//! Spreadsheet import benchmark (`harness = false`): writes a 20,000-row Q&A workbook shaped like
//! a hotline knowledge base (title row, header on row 3, 序号/标准问题/扩展问题/知识库答案/
//! 责任单位/更新时间 with serial dates), then runs `mingbai import` on it under /usr/bin/time -v
//! and prints wall time and peak memory (maximum resident set size).
//!
//!     cargo bench -p mingbai-cli --bench import            # MINGBAI_BENCH_ROWS=20000

use rust_xlsxwriter::{Format, Workbook};
use std::process::Command;
use std::time::Instant;

fn main() {
    let rows: u32 = std::env::var("MINGBAI_BENCH_ROWS").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    let dir = std::env::temp_dir().join(format!("mingbai-import-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let xlsx = dir.join("knowledge-base.xlsx");

    let started = Instant::now();
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy/m/d");
    let sheet = book.add_worksheet();
    sheet.set_name("知识库").expect("name");
    sheet.write_string(0, 0, "12345热线知识库（基准测试生成的示例数据）").expect("write");
    for (c, h) in ["序号", "标准问题", "扩展问题", "知识库答案", "责任单位", "更新时间"].iter().enumerate() {
        sheet.write_string(2, c as u16, *h).expect("write");
    }
    let departments = ["区人力资源和社会保障局", "区民政局", "区医疗保障局", "区教育和体育局", "区住房和城乡建设局"];
    for i in 0..rows {
        let r = i + 3;
        sheet.write_number(r, 0, f64::from(i + 1)).expect("write");
        sheet.write_string(r, 1, format!("第{i}号事项怎么办理？需要带什么材料？")).expect("write");
        sheet.write_string(r, 2, format!("第{i}号事项办理流程；第{i}号事项材料")).expect("write");
        sheet
            .write_string(r, 3, format!("第{i}号事项可以在政务服务中心窗口或网上办理。\n需要携带身份证和申请表，5个工作日内办结。\n如有疑问请拨打12345热线咨询。"))
            .expect("write");
        sheet.write_string(r, 4, departments[(i % 5) as usize]).expect("write");
        sheet.write_number_with_format(r, 5, 45_000.0 + f64::from(i % 900), &date).expect("write");
    }
    book.save(&xlsx).expect("save");
    let bytes = std::fs::metadata(&xlsx).map(|m| m.len()).unwrap_or(0);
    println!("workbook: {rows} rows, {:.1} MB, written in {:.2} s", bytes as f64 / 1e6, started.elapsed().as_secs_f64());

    let library = dir.join("library");
    let started = Instant::now();
    let output = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(env!("CARGO_BIN_EXE_mingbai"))
        .args(["import", xlsx.to_str().expect("utf-8 path"), "--into", library.to_str().expect("utf-8 path"), "--name", "基准测试"])
        .output()
        .expect("run /usr/bin/time -v mingbai import");
    let wall = started.elapsed().as_secs_f64();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let summary = stdout.lines().find(|l| l.starts_with("导入摘要")).unwrap_or("(no summary)");
    let peak_kb: u64 = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes): "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    println!("{summary}");
    println!("import: {wall:.2} s wall, peak memory {:.1} MB (maximum resident set size), exit {:?}", peak_kb as f64 / 1024.0, output.status.code());
    let _ = std::fs::remove_dir_all(&dir);
}
