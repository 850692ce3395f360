//! A rendered frame as an SVG picture of a dark terminal, for screenshots
//! made from the real drawing code rather than by hand.
//!
//! The picture is a grid of fixed cells. Runs of cells that look the same
//! become one `<rect>` (background) or one `<text>` (glyphs); box-drawing
//! characters are drawn as lines so borders join whatever the font's line
//! height; a character the font may lack (anything not ASCII) is anchored
//! to its own cell so a fallback font cannot push the rest of the row out
//! of line.

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// A colour as red, green, blue.
pub type Rgb = [u8; 3];

/// The colours behind ratatui's named and indexed colours.
#[derive(Debug, Clone)]
pub struct Palette {
    /// `Color::Reset` as a foreground.
    pub fg: Rgb,
    /// `Color::Reset` as a background, and the page.
    pub bg: Rgb,
    /// The 16 ANSI colours, in terminal order (black … bright white).
    pub ansi: [Rgb; 16],
}

impl Palette {
    /// A common light terminal scheme (VS Code's light theme), for the
    /// explorer's light theme.
    pub fn light() -> Palette {
        Palette {
            fg: [0x33, 0x33, 0x33],
            bg: [0xff, 0xff, 0xff],
            ansi: [
                [0x00, 0x00, 0x00],
                [0xcd, 0x31, 0x31],
                [0x00, 0xbc, 0x00],
                [0x94, 0x98, 0x00],
                [0x04, 0x51, 0xa5],
                [0xbc, 0x05, 0xbc],
                [0x05, 0x98, 0xbc],
                [0x55, 0x55, 0x55],
                [0x66, 0x66, 0x66],
                [0xcd, 0x31, 0x31],
                [0x14, 0xce, 0x14],
                [0xb5, 0xba, 0x00],
                [0x04, 0x51, 0xa5],
                [0xbc, 0x05, 0xbc],
                [0x05, 0x98, 0xbc],
                [0xa5, 0xa5, 0xa5],
            ],
        }
    }
}

impl Default for Palette {
    /// A common dark terminal scheme (VS Code's integrated terminal).
    fn default() -> Palette {
        Palette {
            fg: [0xcc, 0xcc, 0xcc],
            bg: [0x1e, 0x1e, 0x1e],
            ansi: [
                [0x00, 0x00, 0x00],
                [0xcd, 0x31, 0x31],
                [0x0d, 0xbc, 0x79],
                [0xe5, 0xe5, 0x10],
                [0x24, 0x72, 0xc8],
                [0xbc, 0x3f, 0xbc],
                [0x11, 0xa8, 0xcd],
                [0xe5, 0xe5, 0xe5],
                [0x76, 0x76, 0x76],
                [0xf1, 0x4c, 0x4c],
                [0x23, 0xd1, 0x8b],
                [0xf5, 0xf5, 0x43],
                [0x3b, 0x8e, 0xea],
                [0xd6, 0x70, 0xd6],
                [0x29, 0xb8, 0xdb],
                [0xff, 0xff, 0xff],
            ],
        }
    }
}

impl Palette {
    fn resolve(&self, c: Color, reset: Rgb) -> Rgb {
        let ansi = |i: usize| self.ansi[i];
        match c {
            Color::Reset => reset,
            Color::Black => ansi(0),
            Color::Red => ansi(1),
            Color::Green => ansi(2),
            Color::Yellow => ansi(3),
            Color::Blue => ansi(4),
            Color::Magenta => ansi(5),
            Color::Cyan => ansi(6),
            Color::Gray => ansi(7),
            Color::DarkGray => ansi(8),
            Color::LightRed => ansi(9),
            Color::LightGreen => ansi(10),
            Color::LightYellow => ansi(11),
            Color::LightBlue => ansi(12),
            Color::LightMagenta => ansi(13),
            Color::LightCyan => ansi(14),
            Color::White => ansi(15),
            Color::Rgb(r, g, b) => [r, g, b],
            Color::Indexed(i) => indexed(i, &self.ansi),
        }
    }
}

/// The xterm 256-colour table: 16 ANSI, a 6×6×6 cube, 24 greys.
fn indexed(i: u8, ansi: &[Rgb; 16]) -> Rgb {
    match i {
        0..=15 => ansi[i as usize],
        16..=231 => {
            let n = i - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            [level(n / 36), level(n / 6 % 6), level(n % 6)]
        }
        _ => {
            let g = 8 + 10 * (i - 232);
            [g, g, g]
        }
    }
}

/// Cell size, font and colours of the picture.
#[derive(Debug, Clone)]
pub struct Look {
    pub font_family: &'static str,
    /// Chosen so the font's advance is exactly one cell wide.
    pub font_size: f32,
    pub cell_w: u32,
    pub cell_h: u32,
    /// Baseline, from the top of a cell.
    pub baseline: u32,
    pub palette: Palette,
}

impl Default for Look {
    fn default() -> Look {
        Look {
            font_family: "DejaVu Sans Mono, Menlo, Consolas, monospace",
            // DejaVu Sans Mono advances 1233/2048 em: 14.95 px gives 9 px.
            font_size: 14.95,
            cell_w: 9,
            cell_h: 18,
            baseline: 14,
            palette: Palette::default(),
        }
    }
}

/// How a cell is painted once colours and reverse video are resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ink {
    fg: Rgb,
    bg: Rgb,
    bold: bool,
    italic: bool,
    underline: bool,
    crossed: bool,
    hidden: bool,
}

impl Ink {
    fn of(cell: &Cell, p: &Palette) -> Ink {
        let m = cell.modifier;
        let mut fg = p.resolve(cell.fg, p.fg);
        let mut bg = p.resolve(cell.bg, p.bg);
        if m.contains(Modifier::REVERSED) {
            std::mem::swap(&mut fg, &mut bg);
        }
        if m.contains(Modifier::DIM) {
            fg = mix(fg, bg);
        }
        Ink {
            fg,
            bg,
            bold: m.contains(Modifier::BOLD),
            italic: m.contains(Modifier::ITALIC),
            underline: m.contains(Modifier::UNDERLINED),
            crossed: m.contains(Modifier::CROSSED_OUT),
            hidden: m.contains(Modifier::HIDDEN),
        }
    }
    fn decorated(&self) -> bool {
        self.underline || self.crossed
    }
}

fn mix(a: Rgb, b: Rgb) -> Rgb {
    [0, 1, 2].map(|i| ((a[i] as u16 + b[i] as u16) / 2) as u8)
}

/// One visible character: where it starts, how many cells it covers.
struct Glyph<'a> {
    x: u32,
    cols: u32,
    sym: &'a str,
    ink: Ink,
}

/// The glyphs of row `y`, skipping the cells a wide character covers.
fn glyphs<'a>(buf: &'a Buffer, y: u16, p: &Palette) -> Vec<Glyph<'a>> {
    let area = buf.area;
    let mut out = Vec::new();
    let mut x = area.x;
    while x < area.x + area.width {
        let cell = &buf[(x, y)];
        let sym = cell.symbol();
        let cols = (sym.width().max(1) as u16).min(area.x + area.width - x);
        out.push(Glyph {
            x: (x - area.x) as u32,
            cols: cols as u32,
            sym,
            ink: Ink::of(cell, p),
        });
        x += cols;
    }
    out
}

/// Arms of a box-drawing character (left, right, up, down) and whether
/// it is heavy; `None` for anything else.
fn box_arms(sym: &str) -> Option<([bool; 4], bool)> {
    let mut it = sym.chars();
    let (Some(c), None) = (it.next(), it.next()) else {
        return None;
    };
    let arms = match c {
        '─' | '━' => [true, true, false, false],
        '│' | '┃' => [false, false, true, true],
        '┌' | '╭' | '┏' => [false, true, false, true],
        '┐' | '╮' | '┓' => [true, false, false, true],
        '└' | '╰' | '┗' => [false, true, true, false],
        '┘' | '╯' | '┛' => [true, false, true, false],
        '├' | '┣' => [false, true, true, true],
        '┤' | '┫' => [true, false, true, true],
        '┬' | '┳' => [true, true, false, true],
        '┴' | '┻' => [true, true, true, false],
        '┼' | '╋' => [true, true, true, true],
        _ => return None,
    };
    Some((
        arms,
        matches!(
            c,
            '━' | '┃' | '┏' | '┓' | '┗' | '┛' | '┣' | '┫' | '┳' | '┻' | '╋'
        ),
    ))
}

/// The frame as a standalone SVG document.
pub fn to_svg(buf: &Buffer, look: &Look) -> String {
    let p = &look.palette;
    let (cw, ch) = (look.cell_w, look.cell_h);
    let (w, h) = (buf.area.width as u32 * cw, buf.area.height as u32 * ch);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" xml:space="preserve">"#
    );
    let _ = writeln!(
        out,
        "<style>text{{font-family:{};font-size:{}px}}</style>",
        escape(look.font_family),
        look.font_size
    );
    let _ = writeln!(
        out,
        r#"<rect width="{w}" height="{h}" fill="{}"/>"#,
        hex(p.bg)
    );
    for y in buf.area.y..buf.area.y + buf.area.height {
        let row = glyphs(buf, y, p);
        let top = (y - buf.area.y) as u32 * ch;
        backgrounds(&mut out, &row, top, look);
        boxes(&mut out, &row, top, look);
        texts(&mut out, &row, top, look);
    }
    out.push_str("</svg>\n");
    out
}

/// Runs of one background colour other than the page's, as rectangles.
fn backgrounds(out: &mut String, row: &[Glyph], top: u32, look: &Look) {
    for run in row.chunk_by(|a, b| a.ink.bg == b.ink.bg) {
        let bg = run[0].ink.bg;
        if bg == look.palette.bg {
            continue;
        }
        let cols: u32 = run.iter().map(|g| g.cols).sum();
        let _ = writeln!(
            out,
            r#"<rect x="{}" y="{top}" width="{}" height="{}" fill="{}"/>"#,
            run[0].x * look.cell_w,
            cols * look.cell_w,
            look.cell_h,
            hex(bg)
        );
    }
}

/// Runs of box-drawing characters of one colour and weight, as one path.
fn boxes(out: &mut String, row: &[Glyph], top: u32, look: &Look) {
    let key = |g: &Glyph| box_arms(g.sym).map(|(_, heavy)| (g.ink.fg, heavy));
    for run in row.chunk_by(|a, b| key(a) == key(b)) {
        let Some((fg, heavy)) = key(&run[0]) else {
            continue;
        };
        let (cw, ch) = (look.cell_w as f32, look.cell_h as f32);
        // Centre lines on half pixels so one-pixel strokes stay sharp.
        let cy = top as f32 + (ch / 2.0).floor() + 0.5;
        let mut d = String::new();
        // Horizontal strokes of neighbouring cells join into one.
        let mut across: Option<(f32, f32)> = None;
        for g in run {
            let (arms, _) = box_arms(g.sym).expect("a box run holds box glyphs");
            let [l, r, u, dn] = arms;
            let x0 = g.x as f32 * cw;
            let cx = x0 + (cw / 2.0).floor() + 0.5;
            if l || r {
                let a = if l { x0 } else { cx };
                let b = if r { x0 + cw } else { cx };
                across = match across {
                    Some((start, end)) if end == a => Some((start, b)),
                    Some((start, end)) => {
                        let _ = write!(d, "M{start} {cy}H{end}");
                        Some((a, b))
                    }
                    None => Some((a, b)),
                };
            }
            if u || dn {
                let a = if u { top as f32 } else { cy };
                let b = if dn { top as f32 + ch } else { cy };
                let _ = write!(d, "M{cx} {a}V{b}");
            }
        }
        if let Some((start, end)) = across {
            let _ = write!(d, "M{start} {cy}H{end}");
        }
        let _ = writeln!(
            out,
            r#"<path d="{d}" stroke="{}" stroke-width="{}" stroke-linecap="square" fill="none"/>"#,
            hex(fg),
            if heavy { 2 } else { 1 }
        );
    }
}

/// Runs of glyphs that look the same, as one `<text>` each.
fn texts(out: &mut String, row: &[Glyph], top: u32, look: &Look) {
    let text_ink = |g: &Glyph| (box_arms(g.sym).is_none() && !g.ink.hidden).then_some(g.ink);
    for run in row.chunk_by(|a, b| {
        let (ia, ib) = (text_ink(a), text_ink(b));
        ia == ib || ia.zip(ib).is_some_and(|(x, y)| same_text(x, y))
    }) {
        let Some(ink) = text_ink(&run[0]) else {
            continue;
        };
        // Blanks at either end draw nothing unless they carry a line.
        let blank = |g: &&Glyph| g.sym.trim().is_empty() && !g.ink.decorated();
        let Some(first) = run.iter().position(|g| !blank(&g)) else {
            continue;
        };
        let last = run.iter().rposition(|g| !blank(&g)).unwrap_or(first);
        let run = &run[first..=last];
        let mut attrs = format!(r#" fill="{}""#, hex(ink.fg));
        if ink.bold {
            attrs.push_str(r#" font-weight="bold""#);
        }
        if ink.italic {
            attrs.push_str(r#" font-style="italic""#);
        }
        let lines: Vec<&str> = [(ink.underline, "underline"), (ink.crossed, "line-through")]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, name)| *name)
            .collect();
        if !lines.is_empty() {
            let _ = write!(attrs, r#" text-decoration="{}""#, lines.join(" "));
        }
        let _ = write!(
            out,
            r#"<text x="{}" y="{}"{attrs}>"#,
            run[0].x * look.cell_w,
            top + look.baseline
        );
        // Anchor every non-ASCII glyph, and the glyph after it, to its cell.
        let plain = |g: &Glyph| g.sym.is_ascii() && g.cols == 1;
        for (i, seg) in run.chunk_by(|a, b| plain(a) && plain(b)).enumerate() {
            let body: String = seg.iter().map(|g| escape(g.sym)).collect();
            if i == 0 {
                out.push_str(&body);
            } else {
                let _ = write!(
                    out,
                    r#"<tspan x="{}">{body}</tspan>"#,
                    seg[0].x * look.cell_w
                );
            }
        }
        out.push_str("</text>\n");
    }
}

/// Two inks that draw text the same way (the background is drawn apart).
fn same_text(a: Ink, b: Ink) -> bool {
    Ink { bg: b.bg, ..a } == b
}

fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// Text safe inside an element or attribute; control characters, which
/// XML forbids, become U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    fn line(text: &str, style: Style) -> Buffer {
        let mut b = Buffer::empty(Rect::new(0, 0, 12, 1));
        b.set_string(0, 0, text, style);
        b
    }

    fn svg(b: &Buffer) -> String {
        to_svg(b, &Look::default())
    }

    fn texts_of(svg: &str) -> Vec<&str> {
        svg.lines().filter(|l| l.starts_with("<text")).collect()
    }

    #[test]
    fn escapes_markup_characters_and_controls() {
        let out = svg(&line("a<b&c>\"d'\u{7}", Style::new()));
        assert!(out.contains(">a&lt;b&amp;c&gt;&quot;d&apos;"), "{out}");
        assert!(!out.contains("<b&"), "{out}");
        assert_eq!(escape("\u{1b}[m"), "\u{fffd}[m");
    }

    #[test]
    fn one_text_per_run_of_the_same_look() {
        let out = svg(&line("hello world", Style::new()));
        let t = texts_of(&out);
        assert_eq!(t.len(), 1, "{out}");
        assert!(t[0].contains(r##"x="0" y="14" fill="#cccccc">hello world</text>"##));
        let mut b = line("plain", Style::new());
        b.set_string(6, 0, "bold", Style::new().add_modifier(Modifier::BOLD));
        let out = svg(&b);
        let t = texts_of(&out);
        assert_eq!(t.len(), 2, "{out}");
        assert!(t[1].contains(r#"x="54""#) && t[1].contains(r#"font-weight="bold""#));
    }

    #[test]
    fn named_indexed_and_rgb_colours() {
        let mut b = line("r", Style::new().fg(Color::Red));
        b.set_string(1, 0, "i", Style::new().fg(Color::Indexed(196)));
        b.set_string(2, 0, "g", Style::new().fg(Color::Indexed(244)));
        b.set_string(3, 0, "x", Style::new().fg(Color::Rgb(1, 2, 3)));
        b.set_string(4, 0, "  ", Style::new().bg(Color::Blue));
        let out = svg(&b);
        for fill in ["#cd3131", "#ff0000", "#808080", "#010203"] {
            assert!(out.contains(&format!(r#"fill="{fill}">"#)), "{fill}: {out}");
        }
        assert!(
            out.contains(r##"<rect x="36" y="0" width="18" height="18" fill="#2472c8"/>"##),
            "{out}"
        );
    }

    #[test]
    fn reverse_swaps_the_resolved_colours() {
        let out = svg(&line("sel", Style::new().add_modifier(Modifier::REVERSED)));
        assert!(
            out.contains(r##"width="27" height="18" fill="#cccccc"/>"##),
            "{out}"
        );
        assert!(out.contains(r##"fill="#1e1e1e">sel</text>"##), "{out}");
        let out = svg(&line(
            "span",
            Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::REVERSED),
        ));
        assert!(out.contains(r##"fill="#e5e510"/>"##), "{out}");
        assert!(out.contains(r##"fill="#1e1e1e">span<"##), "{out}");
    }

    #[test]
    fn underline_italic_and_dim() {
        let st = Style::new()
            .fg(Color::White)
            .add_modifier(Modifier::UNDERLINED | Modifier::ITALIC | Modifier::DIM);
        let out = svg(&line("u ", st));
        // Dim is halfway to the background; the underlined blank is kept.
        assert!(
            out.contains(
                r##"fill="#8e8e8e" font-style="italic" text-decoration="underline">u </text>"##
            ),
            "{out}"
        );
    }

    #[test]
    fn a_wide_character_takes_two_cells() {
        let mut b = line("漢x", Style::new().bg(Color::Red));
        b.set_string(3, 0, "y", Style::new());
        let out = svg(&b);
        // The background covers both cells of 漢 and the x after them.
        assert!(out.contains(r#"<rect x="0" y="0" width="27""#), "{out}");
        // x is anchored to the third cell, whatever the font draws for 漢;
        // y shares the text run, as only its background differs.
        assert!(
            out.contains(r#">漢<tspan x="18">xy</tspan></text>"#),
            "{out}"
        );
    }

    #[test]
    fn borders_are_lines_not_glyphs() {
        use ratatui::widgets::{Block, Borders, Widget};
        let mut b = Buffer::empty(Rect::new(0, 0, 4, 3));
        Block::default()
            .borders(Borders::ALL)
            .render(b.area, &mut b);
        let out = svg(&b);
        assert!(texts_of(&out).is_empty(), "{out}");
        let top = out.lines().find(|l| l.starts_with("<path")).unwrap();
        // ┌ has a right and a down arm from the cell centre, ─ spans its
        // cell, ┐ has a left and a down arm: one stroke across, two down.
        assert!(
            top.starts_with(r#"<path d="M4.5 9.5V18M31.5 9.5V18M4.5 9.5H31.5""#),
            "{top}"
        );
        // One path per run: the middle row has two, parted by blanks.
        assert_eq!(out.matches("<path").count(), 4, "{out}");
    }
}
