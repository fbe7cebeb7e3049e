//! Boilerplate: lines pasted along with a report that carry no news.
//!
//! Share bars, disclaimers, comment forms, links to other stories, agency codes, photo
//! credits and captions, category tag lines and page navigation are set aside with a
//! reason, so the page can show them and never compares them. Rules look at one unit's
//! text, then at its neighbours: the block that follows a disclaimer heading, the caption
//! a credit closes, and short lines in the furniture after the story ends.

use super::segment::{Segment, SegmentKind};

/// Why each segment is boilerplate, or `None` for news; one entry per segment.
pub fn detect(text: &str, segments: &[Segment]) -> Vec<Option<&'static str>> {
    let mut reasons: Vec<Option<&'static str>> = segments
        .iter()
        .map(|s| classify(&text[s.start..s.end], s.kind))
        .collect();
    mark_disclaimer_blocks(segments, &mut reasons);
    mark_captions(segments, &mut reasons);
    mark_end_matter(text, segments, &mut reasons);
    reasons
}

/// The reason one unit, read alone, is boilerplate.
fn classify(unit: &str, kind: SegmentKind) -> Option<&'static str> {
    if kind == SegmentKind::Dateline {
        return Some("dateline");
    }
    let lower = unit.to_lowercase();
    let lower = lower.trim_end_matches(['.', ':', '…', ' ']);
    if is_share_bar(unit) {
        return Some("share bar");
    }
    const LINK_PREFIXES: &[&str] = &[
        "read:",
        "read also:",
        "also read:",
        "read more:",
        "learn more:",
        "see also:",
        "related:",
        "watch:",
        "more:",
        "listen:",
        "recommended:",
        "must read:",
        "read more",
    ];
    if LINK_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return Some("link to another story");
    }
    const COMMENT_FORM: &[&str] = &[
        "leave a reply",
        "leave a comment",
        "your email address will not be published",
        "required fields are marked",
        "post comment",
        "cancel reply",
        "add a comment",
        "comments are closed",
        "join the conversation",
    ];
    if COMMENT_FORM.iter().any(|p| lower.starts_with(p)) {
        return Some("comment form");
    }
    const DISCLAIMER: &[&str] = &["legal disclaimer", "disclaimer"];
    if DISCLAIMER.contains(&lower) {
        return Some("disclaimer");
    }
    const NAVIGATION: &[&str] = &[
        "scroll to top",
        "back to top",
        "back to top button",
        "search",
        "menu",
        "skip to content",
        "skip to main content",
        "advertisement",
        "sponsored",
        "continue reading the main story",
        "advertisement continue reading the main story",
        "photo",
        "video",
        "next article",
        "previous article",
        "print",
        "share",
        "subscribe",
        "sign up",
        "close",
        "home",
    ];
    if NAVIGATION.contains(&lower) || lower.starts_with("read or share this story") {
        return Some("page navigation");
    }
    if lower.starts_with("slideshow (") || lower.starts_with("media playback is unsupported") {
        return Some("page navigation");
    }
    if is_credit(unit, lower) {
        return Some("credit");
    }
    const CAPTION: &[&str] = &[
        "file - in this",
        "file – in this",
        "file — in this",
        "in this file photo",
        "in this photo",
    ];
    if CAPTION.iter().any(|p| lower.starts_with(p)) {
        return Some("photo caption");
    }
    const RIGHTS: &[&str] = &["this material may not be published", "all rights reserved"];
    if RIGHTS.iter().any(|p| lower.starts_with(p)) {
        return Some("credit");
    }
    if is_agency_code(unit) {
        return Some("agency code");
    }
    if is_gallery_item(unit, lower) {
        return Some("photo gallery");
    }
    const PROMPTS: &[(&str, &str)] = &[
        ("enter your email", "newsletter sign-up"),
        ("sign up for our newsletter", "newsletter sign-up"),
        ("sign up to our newsletter", "newsletter sign-up"),
        ("fill in the form below", "reader call-out"),
        ("this is a breaking news story", "breaking-news notice"),
        ("this story is developing", "breaking-news notice"),
        ("this is a developing story", "breaking-news notice"),
        ("more follows", "breaking-news notice"),
    ];
    if let Some((_, reason)) = PROMPTS.iter().find(|(p, _)| lower.contains(p)) {
        return Some(reason);
    }
    if kind == SegmentKind::Heading && is_credited_caption(unit) {
        return Some("photo caption");
    }
    if kind == SegmentKind::Heading && is_tag_line(unit) {
        return Some("category tags");
    }
    None
}

/// Share-button labels, alone or glued together: "ShareFacebook Twitter WhatsApp Email Print".
fn is_share_bar(unit: &str) -> bool {
    const LABELS: &[&str] = &[
        "share",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "email",
        "e-mail",
        "print",
        "telegram",
        "linkedin",
        "pinterest",
        "reddit",
        "messenger",
        "copy",
        "link",
        "tweet",
        "mail",
        "flipboard",
        "this",
        "article",
        "on",
        "via",
        "sms",
        "comments",
        "comment",
        "whats",
        "app",
    ];
    let words: Vec<String> = split_camel(unit)
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let buttons = words
        .iter()
        .filter(|w| LABELS.contains(&w.as_str()))
        .count();
    words.len() >= 2 && buttons == words.len() && words.iter().any(|w| w != "this" && w != "on")
}

/// Inserts a space where a lower-case letter is glued to an upper-case one.
fn split_camel(unit: &str) -> String {
    let mut out = String::with_capacity(unit.len() + 8);
    let mut prev_lower = false;
    for c in unit.chars() {
        if prev_lower && c.is_uppercase() {
            out.push(' ');
        }
        prev_lower = c.is_lowercase();
        out.push(c);
    }
    out
}

/// Photo credits, bylines and agency credits.
fn is_credit(unit: &str, lower: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "photo:",
        "photo credit",
        "photograph:",
        "photos:",
        "image:",
        "image copyright",
        "image caption",
        "picture:",
        "pictures:",
        "(photo:",
        "file photo",
        "(reporting by",
        "reporting by",
        "editing by",
        "writing by",
        "additional reporting by",
        "copyright ",
        "©",
        "(c) ",
        "all rights reserved",
    ];
    if PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if lower.ends_with("all rights reserved") || unit.contains("REUTERS/") {
        return true;
    }
    // "By Ali Sawafta": a byline of a few capitalised words.
    if let Some(name) = unit.strip_prefix("By ") {
        let words: Vec<&str> = name.split_whitespace().collect();
        return (1..=4).contains(&words.len())
            && words
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) || *w == "and");
    }
    false
}

/// An item of a photo gallery ("1/34 30 November 2017 …", "8 show all …").
fn is_gallery_item(unit: &str, lower: &str) -> bool {
    let mut parts = unit.splitn(2, ' ');
    let counter = parts.next().unwrap_or_default();
    let numbered = counter.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty() && !b.is_empty() && (a.chars().chain(b.chars())).all(|c| c.is_ascii_digit())
    });
    let words: Vec<&str> = lower.split_whitespace().collect();
    let show_all = words
        .windows(3)
        .any(|w| w[0].chars().all(|c| c.is_ascii_digit()) && w[1] == "show" && w[2] == "all");
    numbered || show_all
}

/// A line without closing punctuation that names a photo agency at its start or end:
/// "SWNS • PA Martin Bamford survived …", "Investigations have been launched (Reuters)",
/// "(Lucy Pasha Robinson / The Independent)".
fn is_credited_caption(unit: &str) -> bool {
    const AGENCIES: &[&str] = &[
        "AP",
        "AFP",
        "PA",
        "EPA",
        "SWNS",
        "REUTERS",
        "Reuters",
        "Getty",
        "Images",
        "Rex",
        "Shutterstock",
        "Alamy",
        "BBC",
        "(Reuters)",
        "(AP)",
        "(AFP)",
        "(PA)",
        "(EPA)",
    ];
    let words: Vec<&str> = unit.split_whitespace().collect();
    let first = words.first().copied().unwrap_or_default();
    let last = words.last().copied().unwrap_or_default();
    let parenthesised_credit = unit.starts_with('(') && unit.ends_with(')') && unit.contains('/');
    let agency_first =
        AGENCIES.contains(&first) && first.chars().all(|c| c.is_uppercase()) && words.len() > 2;
    let agency_last = last.starts_with('(') && AGENCIES.contains(&last);
    parenthesised_credit || agency_first || agency_last
}

/// A wire service's article code: one long token mixing capitals and many digits.
fn is_agency_code(unit: &str) -> bool {
    let token = unit.trim();
    let digits = token.chars().filter(char::is_ascii_digit).count();
    !token.contains(' ')
        && digits >= 8
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && token.chars().any(|c| c.is_ascii_uppercase())
}

/// Category words glued into one line ("AfghanistanGovernmentMilitaryNews…") or separated
/// by pipes or bullets.
fn is_tag_line(unit: &str) -> bool {
    let glued = !unit.contains(' ')
        && unit.chars().filter(|c| c.is_uppercase()).count() >= 3
        && unit.chars().all(char::is_alphabetic);
    let separated = unit.matches(['|', '•', '·']).count() >= 2;
    glued || separated
}

/// Every unit of the block after a disclaimer heading is part of the disclaimer.
fn mark_disclaimer_blocks(segments: &[Segment], reasons: &mut [Option<&'static str>]) {
    for i in 0..segments.len() {
        if reasons[i] != Some("disclaimer") {
            continue;
        }
        let next_block = segments[i].block + 1;
        for j in i + 1..segments.len() {
            if segments[j].block != next_block {
                break;
            }
            reasons[j].get_or_insert("disclaimer");
        }
    }
}

/// A credit closes a photo caption: the rest of its block is the caption. A unit that
/// opens a caption ("File - In this … photo") makes the rest of its block caption too.
fn mark_captions(segments: &[Segment], reasons: &mut [Option<&'static str>]) {
    for i in 0..segments.len() {
        let block = segments[i].block;
        match reasons[i] {
            Some("credit") => {
                for j in (0..i).rev().take_while(|&j| segments[j].block == block) {
                    reasons[j].get_or_insert("photo caption");
                }
            }
            Some("photo caption") => {
                for j in (i + 1..segments.len()).take_while(|&j| segments[j].block == block) {
                    reasons[j].get_or_insert("photo caption");
                }
            }
            _ => {}
        }
    }
}

/// After the last unit of running text, once page furniture has begun, short lines are
/// furniture too ("Khaama Press" under a share bar).
fn mark_end_matter(text: &str, segments: &[Segment], reasons: &mut [Option<&'static str>]) {
    let Some(first) = reasons.iter().position(Option::is_some) else {
        return;
    };
    let is_story = |i: usize| reasons[i].is_none() && segments[i].kind == SegmentKind::Sentence;
    let last_story = (0..segments.len()).rev().find(|&i| is_story(i));
    let start = match last_story {
        Some(last) if last > first => last + 1,
        _ => first,
    };
    for i in start.max(first)..segments.len() {
        let s = &segments[i];
        let short = text[s.start..s.end].split_whitespace().count() <= 4;
        if reasons[i].is_none() && s.kind == SegmentKind::Heading && short {
            reasons[i] = Some("end matter");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::detect;
    use crate::text::segment::segment;

    /// The reasons of each unit of `text`, with the unit text.
    fn reasons(text: &str) -> Vec<(&str, Option<&'static str>)> {
        let segs = segment(text);
        let reasons = detect(text, &segs);
        segs.iter()
            .zip(reasons)
            .map(|(s, r)| (&text[s.start..s.end], r))
            .collect()
    }

    fn reason_of(text: &str, unit: &str) -> Option<&'static str> {
        reasons(text)
            .into_iter()
            .find(|(t, _)| *t == unit)
            .unwrap_or_else(|| panic!("no unit {unit:?}"))
            .1
    }

    const STORY: &str =
        "Talks Stall\n\nPakistan presented evidence to the delegation in Istanbul.\n\n";

    #[test]
    fn glued_share_bar() {
        let text = format!("{STORY}ShareFacebook Twitter WhatsApp Email Print Telegram");
        assert_eq!(
            reason_of(&text, "ShareFacebook Twitter WhatsApp Email Print Telegram"),
            Some("share bar")
        );
    }

    #[test]
    fn read_also_links() {
        for line in [
            "Read: 25 terrorists killed as forces foil infiltration on Afghan border",
            "Read also: US sees opportunity to strengthen bilateral strategic ties with Pakistan (Rubio)",
            "Learn more: Pakistan presents counter-terrorism plan for Afghanistan at Istanbul talks",
        ] {
            let text = format!("{STORY}{line}\n\nThe talks went on.");
            assert_eq!(reason_of(&text, line), Some("link to another story"), "{line}");
        }
    }

    #[test]
    fn comment_form() {
        let text = format!("{STORY}Leave a Reply\n\nYour email address will not be published. Required fields are marked *");
        for r in reasons(&text).into_iter().skip(2) {
            assert_eq!(r.1, Some("comment form"), "{:?}", r.0);
        }
    }

    #[test]
    fn disclaimer_heading_and_its_block() {
        let text = format!("{STORY}Legal Disclaimer:\nMENAFN provides the information “as is” without warranty of any kind. We do not accept any responsibility.");
        for r in reasons(&text).into_iter().skip(2) {
            assert_eq!(r.1, Some("disclaimer"), "{:?}", r.0);
        }
    }

    #[test]
    fn agency_code_and_end_matter() {
        let text = format!("{STORY}ShareFacebook Twitter\n\nMENAFN27102025000228011069ID1110251643\n\nKhaama Press\n\nSearch");
        let got = reasons(&text);
        assert_eq!(
            got[3],
            (
                "MENAFN27102025000228011069ID1110251643",
                Some("agency code")
            )
        );
        assert_eq!(got[4], ("Khaama Press", Some("end matter")));
        assert_eq!(got[5], ("Search", Some("page navigation")));
    }

    #[test]
    fn photo_caption_closed_by_credit() {
        let text = format!("Headline\n\nAfghan Taliban patrol near the border in Spin Boldak, October 15. Photo: Reuters\n\n{STORY}");
        assert_eq!(reason_of(&text, "Photo: Reuters"), Some("credit"));
        assert_eq!(
            reason_of(
                &text,
                "Afghan Taliban patrol near the border in Spin Boldak, October 15."
            ),
            Some("photo caption")
        );
    }

    #[test]
    fn category_tag_line() {
        let text = format!("AfghanistanGovernmentMilitaryNewsPakistan\n\n{STORY}");
        assert_eq!(
            reason_of(&text, "AfghanistanGovernmentMilitaryNewsPakistan"),
            Some("category tags")
        );
    }

    #[test]
    fn navigation_lines() {
        for line in [
            "Scroll to Top",
            "Back to top button",
            "Advertisement Continue reading the main story",
        ] {
            let text = format!("{STORY}{line}");
            assert_eq!(reason_of(&text, line), Some("page navigation"), "{line}");
        }
    }

    #[test]
    fn photo_galleries_prompts_and_credited_captions() {
        for (line, reason) in [
            ("1/34 30 November 2017 A supporter wears a mask as he protests Getty Images", "photo gallery"),
            ("Croydon Tram derailment 8 show all Croydon Tram derailment", "photo gallery"),
            ("ES News Email Enter your email address Please enter an email address", "newsletter sign-up"),
            ("If you witnessed the accident, you can fill in the form below – anonymously if you prefer.", "reader call-out"),
            ("This is a breaking news story, more follows...", "breaking-news notice"),
            ("SWNS • PA Martin Bamford survived the Croydon tram crash which left seven dead", "photo caption"),
            ("Investigations have been launched after the tram derailed (Reuters)", "photo caption"),
            ("(Lucy Pasha Robinson / The Independent)", "photo caption"),
        ] {
            let text = format!("{STORY}{line}\n\nThe talks went on.");
            assert_eq!(reason_of(&text, line), Some(reason), "{line}");
        }
    }

    #[test]
    fn news_is_not_boilerplate() {
        for (unit, reason) in reasons(STORY) {
            assert_eq!(reason, None, "{unit}");
        }
        let text = "Headline\n\nBy the end of the day, the talks had failed. Share prices fell.";
        assert!(reasons(text).iter().all(|(_, r)| r.is_none()));
    }
}
