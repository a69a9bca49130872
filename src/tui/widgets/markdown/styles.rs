use ratatui::style::{Color, Modifier, Style};

/// How each Markdown element looks.
///
/// Every element is told apart by a modifier or a visible marker, so the
/// colours of [`MarkdownStyles::default`] only add emphasis and
/// [`MarkdownStyles::plain`] (for `NO_COLOR`) loses no meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownStyles {
    pub h1: Style,
    pub h2: Style,
    /// Headings of level 3 and deeper.
    pub h3: Style,
    pub emphasis: Style,
    pub strong: Style,
    pub strikethrough: Style,
    pub inline_code: Style,
    pub code_block: Style,
    /// The language label above a fenced code block.
    pub code_language: Style,
    pub link_text: Style,
    /// The URL shown after a link's text.
    pub link_url: Style,
    pub quote_bar: Style,
    /// List bullets, numbers and task boxes.
    pub list_bullet: Style,
    pub table_border: Style,
    pub table_header: Style,
    pub rule: Style,
}

impl MarkdownStyles {
    /// Modifiers only, no colour: for `NO_COLOR` and monochrome terminals.
    pub fn plain() -> Self {
        let modifier = |m: Modifier| Style::new().add_modifier(m);
        Self {
            h1: modifier(Modifier::BOLD | Modifier::UNDERLINED),
            h2: modifier(Modifier::BOLD),
            h3: modifier(Modifier::BOLD | Modifier::ITALIC),
            emphasis: modifier(Modifier::ITALIC),
            strong: modifier(Modifier::BOLD),
            strikethrough: modifier(Modifier::CROSSED_OUT),
            // Without colour, inline code needs a modifier to stand out by;
            // not reverse video, which marks the selected row.
            inline_code: modifier(Modifier::UNDERLINED),
            code_block: Style::new(),
            code_language: modifier(Modifier::ITALIC | Modifier::DIM),
            link_text: modifier(Modifier::UNDERLINED),
            link_url: modifier(Modifier::DIM),
            quote_bar: modifier(Modifier::DIM),
            list_bullet: Style::new(),
            table_border: modifier(Modifier::DIM),
            table_header: modifier(Modifier::BOLD),
            rule: modifier(Modifier::DIM),
        }
    }
}

impl Default for MarkdownStyles {
    /// [`MarkdownStyles::plain`] plus colours from the terminal's own
    /// 16-colour palette, which its theme keeps readable on a dark or a light
    /// background. Grey, white and black are avoided (some themes draw
    /// bright black in the background colour); dimmed text uses `DIM`.
    fn default() -> Self {
        let plain = Self::plain();
        Self {
            h1: plain.h1.fg(Color::Magenta),
            h2: plain.h2.fg(Color::Magenta),
            h3: plain.h3.fg(Color::Magenta),
            inline_code: Style::new().fg(Color::Cyan),
            code_block: plain.code_block.fg(Color::Green),
            code_language: plain.code_language.fg(Color::Green),
            link_text: plain.link_text.fg(Color::Blue),
            quote_bar: plain.quote_bar.fg(Color::Magenta),
            list_bullet: plain.list_bullet.fg(Color::Cyan),
            table_header: plain.table_header.fg(Color::Magenta),
            ..plain
        }
    }
}
