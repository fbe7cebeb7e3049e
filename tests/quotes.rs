//! Quotes of the real sample reports: what a reader can check.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{seeds, slice_utf16};
use parallax::{compare, Comparison, Options, QuoteCluster, Variant};

fn result() -> Comparison {
    compare(&seeds(), &Options::default()).unwrap()
}

fn cluster_with<'a>(result: &'a Comparison, words: &str) -> &'a QuoteCluster {
    result
        .quotes
        .iter()
        .find(|q| {
            q.instances
                .iter()
                .any(|i| i.quoted && i.text.contains(words))
        })
        .unwrap_or_else(|| panic!("no quote with {words:?}"))
}

#[test]
fn illogical_ground_realities_is_quoted_in_three_reports_and_rendered_unquoted() {
    let result = result();
    let cluster = cluster_with(&result, "illogical and contrary to the realities");
    let quoted: std::collections::BTreeSet<&str> = cluster
        .instances
        .iter()
        .filter(|i| i.quoted)
        .map(|i| i.report.as_str())
        .collect();
    assert_eq!(
        quoted.into_iter().collect::<Vec<_>>(),
        ["001", "002", "003"]
    );
    let wordings: std::collections::BTreeSet<&str> = cluster
        .instances
        .iter()
        .filter(|i| i.quoted)
        .map(|i| i.text.trim_end_matches(['.', ',']))
        .collect();
    assert!(wordings.len() >= 3, "{wordings:?}");
    let unquoted: Vec<_> = cluster.instances.iter().filter(|i| !i.quoted).collect();
    assert!(
        !unquoted.is_empty(),
        "a report says it without quotation marks"
    );
    // 004's reported speech: "Sources reported that … the Afghan Taliban delegation's
    // responses appeared inconsistent and disconnected from ground realities".
    let reported = unquoted
        .iter()
        .find(|i| i.text.contains("ground realities"))
        .expect("004's reported speech");
    assert_eq!(reported.report, "004");
    assert_eq!(reported.speaker_as_written.as_deref(), Some("Sources"));
    assert_eq!(reported.wording, Some(parallax::Wording::Close));
}

#[test]
fn guillemet_closed_quote_of_001_is_found_whole() {
    let result = result();
    let cluster = cluster_with(&result, "Pakistan has maintained its position");
    let instance = cluster
        .instances
        .iter()
        .find(|i| i.report == "001" && i.quoted && i.text.contains("maintained its position"))
        .unwrap();
    assert!(instance
        .text
        .starts_with("Pakistan has maintained its position that it will not engage"));
    assert!(instance
        .text
        .ends_with("withdraw its support for the leadership of all proxies."));
    assert!(!instance.unclosed);
}

#[test]
fn apostrophes_in_talibans_never_open_a_quote() {
    let inputs = seeds();
    let result = compare(&inputs, &Options::default()).unwrap();
    let mut checked = 0;
    for instance in result
        .quotes
        .iter()
        .flat_map(|q| &q.instances)
        .filter(|i| i.quoted)
    {
        let text: Vec<u16> = inputs
            .iter()
            .find(|r| r.id == instance.report)
            .unwrap()
            .text
            .encode_utf16()
            .collect();
        let before = String::from_utf16_lossy(&text[..instance.start]);
        let mut chars = before.chars().rev();
        let mark = chars.next().unwrap();
        let letter_before_mark = chars.next().is_some_and(char::is_alphabetic);
        // An opening mark glued to a word is allowed for double quotes ('Groups“Unacceptable”'),
        // never for an apostrophe: "Taliban’s" must not open a quote.
        assert!(
            !(matches!(mark, '’' | '\'') && letter_before_mark),
            "{:?} opened by an apostrophe",
            instance.text
        );
        checked += 1;
    }
    assert!(checked > 20);
    let seed_001 = &inputs[1].text;
    assert!(
        seed_001.matches("Taliban’s").count() >= 3,
        "the seed has the pitfall"
    );
}

#[test]
fn security_source_quotes_of_001_keep_their_anonymous_speaker() {
    let result = result();
    for words in [
        "illogical and contrary",
        "joined the talks with complete clarity",
    ] {
        let cluster = cluster_with(&result, words);
        let instance = cluster
            .instances
            .iter()
            .find(|i| i.report == "001" && i.quoted && i.text.contains(words))
            .unwrap();
        assert_eq!(
            instance.speaker.as_deref(),
            Some("a security source"),
            "{words}"
        );
    }
    // The continuation of the second statement, with no attribution of its own, keeps it,
    // and is one utterance with it.
    let cluster = cluster_with(&result, "Pakistan has maintained its position");
    let continued = cluster
        .instances
        .iter()
        .find(|i| i.quoted && i.text.contains("Pakistan has maintained its position"))
        .unwrap();
    assert_eq!(continued.speaker.as_deref(), Some("a security source"));
    assert!(cluster
        .instances
        .iter()
        .any(|i| i.quoted && i.text.contains("joined the talks with complete clarity")));
}

#[test]
fn pronoun_resolves_to_the_minister_named_before() {
    let result = result();
    let cluster = cluster_with(&result, "the ceasefire will hold");
    let instance = &cluster.instances[0];
    assert_eq!(instance.speaker_as_written.as_deref(), Some("he"));
    assert_eq!(instance.speaker.as_deref(), Some("Khawaja Muhammad Asif"));
}

#[test]
fn headline_quote_goes_to_the_headline_subject() {
    let result = result();
    let cluster = cluster_with(&result, "unacceptable favoritism of terrorists");
    let instance = cluster
        .instances
        .iter()
        .find(|i| i.report == "001" && i.quoted)
        .unwrap();
    assert!(instance.in_heading);
    assert_eq!(instance.speaker.as_deref(), Some("Islamabad"));
}

#[test]
fn trimmed_renderings_are_labelled_against_the_reference() {
    let result = result();
    let cluster = cluster_with(&result, "concrete and verifiable steps to eliminate");
    assert!(cluster
        .reference
        .starts_with("concrete and verifiable steps to eliminate cross-border terrorism"));
    let short = cluster
        .instances
        .iter()
        .find(|i| i.report == "003" && i.quoted)
        .unwrap();
    assert_eq!(short.text, "concrete and verifiable steps");
    assert_eq!(short.variant, Variant::Trimmed);
    assert!(short
        .diff
        .iter()
        .any(|op| op.op == parallax::WordOpKind::Delete && op.text.contains("eliminate")));
}

#[test]
fn every_instance_is_the_utf16_slice_of_its_report() {
    let inputs = seeds();
    let result = compare(&inputs, &Options::default()).unwrap();
    assert!(result.quotes.len() >= 15);
    for cluster in &result.quotes {
        assert!(cluster.instances.iter().any(|i| i.quoted));
        for instance in &cluster.instances {
            let input = inputs.iter().find(|r| r.id == instance.report).unwrap();
            assert_eq!(
                slice_utf16(&input.text, instance.start, instance.end),
                instance.text
            );
            let unit = result
                .reports
                .iter()
                .flat_map(|r| &r.units)
                .find(|u| u.id == instance.unit)
                .unwrap();
            assert!(
                unit.start <= instance.start && instance.start < unit.end.max(instance.start + 1)
            );
            assert_ne!(
                unit.kind,
                parallax::UnitKind::Boilerplate,
                "no quote from boilerplate"
            );
        }
    }
}

/// Invented reports of one council meeting, for the error classes of quote alignment.
mod classes {
    use parallax::{compare, Comparison, Options, QuoteCluster, ReportInput, Wording};

    fn run(texts: &[&str]) -> Comparison {
        let inputs: Vec<ReportInput> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| ReportInput {
                id: format!("r{i}"),
                title: String::new(),
                text: text.to_string(),
            })
            .collect();
        compare(&inputs, &Options::default()).unwrap()
    }

    fn holding<'a>(result: &'a Comparison, words: &str) -> &'a QuoteCluster {
        result
            .quotes
            .iter()
            .find(|q| q.instances.iter().any(|i| i.text.contains(words)))
            .unwrap_or_else(|| panic!("no rendering with {words:?}: {:#?}", result.quotes))
    }

    const PARK: &str = "Council approves new riverside park after long debate\n\n\
        The city council voted on Tuesday to build a riverside park on the old freight yard.\n\n\
        Mayor Ana Ruiz called the plan “a fair and lasting deal for every neighbourhood”, \
        speaking after the vote.\n\n\
        Construction is expected to begin in the spring and to last two years.\n\n\
        Opposition members had asked for a delay to study the cost of cleaning the soil.\n\n\
        Mayor Ana Ruiz said the riverside park was a lasting deal that the neighbourhood \
        deserved.\n";

    /// Class 2: the same report renders its own quote again, later, without marks.
    #[test]
    fn a_report_paraphrasing_its_own_quote_later_is_a_rendering() {
        let other = "Riverside park wins council vote\n\n\
            Councillors backed a park on the disused freight yard by the river on Tuesday.\n\n\
            Work should start in spring, officials said.\n";
        let result = run(&[PARK, other]);
        let cluster = holding(&result, "a fair and lasting deal");
        let later = cluster
            .instances
            .iter()
            .find(|i| !i.quoted)
            .unwrap_or_else(|| panic!("no unquoted rendering: {cluster:#?}"));
        assert_eq!(later.report, "r0", "the quoting report itself");
        assert!(later.text.contains("lasting deal"), "{later:?}");
        assert_eq!(later.speaker.as_deref(), Some("Mayor Ana Ruiz"));
        assert!(later.wording.is_some());
        assert!(later.confidence > 0.3 && later.confidence <= 1.0);
    }

    /// Class 1: another report's reported speech that keeps a phrase of the quote, its
    /// two words apart ("fair deal" in "a fair and lasting deal"), is a rendering; the
    /// same words in narrative, with no one saying them, are not.
    #[test]
    fn reported_speech_keeping_a_phrase_is_a_rendering_and_narrative_is_not() {
        let reported = "Park plan passes\n\n\
            The council approved the park on Tuesday.\n\n\
            Ms Ruiz told reporters the park was a fair deal for residents.\n";
        let narrative = "Freight yard to become a park\n\n\
            The council approved the park on Tuesday.\n\n\
            For residents the park is a fair deal at last.\n";
        let result = run(&[PARK, reported, narrative]);
        let cluster = holding(&result, "a fair and lasting deal");
        let unquoted: Vec<_> = cluster
            .instances
            .iter()
            .filter(|i| !i.quoted && i.report != "r0")
            .collect();
        assert_eq!(unquoted.len(), 1, "{cluster:#?}");
        assert_eq!(unquoted[0].report, "r1");
        assert_eq!(unquoted[0].wording, Some(Wording::Close));
    }

    /// Class 1: words told after the speaker is named are the speaker's only when a
    /// reporting verb comes between; the narrative clause of a sentence that goes on to
    /// report something else is the reporter's.
    #[test]
    fn words_before_the_reporting_verb_are_the_reporters() {
        let cases = [
            (
                "Mayor Ana Ruiz said the riverside park was a lasting deal for every \
                 neighbourhood.",
                true,
            ),
            (
                "Mayor Ana Ruiz won a lasting deal for every neighbourhood on Tuesday, and has \
                 indicated she would open the park in the spring.",
                false,
            ),
            (
                "When she took office the city needed a lasting deal for every neighbourhood, \
                 she said.",
                true,
            ),
            (
                "The riverside park is a lasting deal for every neighbourhood, according to \
                 Mayor Ana Ruiz.",
                true,
            ),
        ];
        for (sentence, renders) in cases {
            let other =
                format!("Park plan passes\n\nThe council approved the park.\n\n{sentence}\n");
            let result = run(&[PARK, &other]);
            let cluster = holding(&result, "a fair and lasting deal");
            let found = cluster
                .instances
                .iter()
                .any(|i| !i.quoted && i.report == "r1");
            assert_eq!(found, renders, "{sentence}: {cluster:#?}");
        }
    }

    /// Class 3: a one-word quote of the same speaker joins the longer quote that holds it.
    #[test]
    fn a_one_word_fragment_joins_the_quote_that_holds_it() {
        let long = "Minister condemns border raid\n\n\
            The interior minister said on Monday: “This raid is unacceptable and it will be \
            answered in the courts.”\n\n\
            Police said three people were detained.\n";
        let short = "Raid draws protest\n\n\
            The interior minister called the border raid “unacceptable”.\n\n\
            Three people were detained, police said.\n";
        let result = run(&[long, short]);
        let cluster = holding(&result, "This raid is unacceptable");
        assert!(
            cluster
                .instances
                .iter()
                .any(|i| i.quoted && i.report == "r1" && i.text == "unacceptable"),
            "{cluster:#?}"
        );
        assert!(cluster.instances.iter().all(|i| i.membership > 0.0));
    }

    /// Class 6: one speaker's two statements in one sentence that share no word are two
    /// utterances, and neither pulls in the other's renderings.
    #[test]
    fn one_speakers_two_statements_stay_apart() {
        let a = "Trade deal announced\n\n\
            The trade minister said the agreement “has been finalised” after “detailed \
            talks on tariffs”.\n";
        let b = "Ministers close trade pact\n\n\
            The trade minister said the pact “has been finalised”.\n\n\
            Officials said “detailed talks on tariffs” took three weeks.\n";
        let result = run(&[a, b]);
        let finalised = holding(&result, "has been finalised");
        assert!(
            finalised
                .instances
                .iter()
                .all(|i| !i.text.contains("detailed talks")),
            "{finalised:#?}"
        );
    }

    /// Re-attribution is flagged only for a rendering that confidently belongs to its
    /// cluster and names someone else.
    #[test]
    fn reattributed_only_when_confidently_clustered() {
        let a = "Ceasefire talks resume\n\n\
            “The talks were productive and constructive on every point,” a ministry \
            spokesman said on Sunday.\n";
        let b = "Talks go on\n\n\
            “The talks were productive and constructive on every point,” the foreign \
            minister said.\n";
        let result = run(&[a, b]);
        let cluster = holding(&result, "productive and constructive");
        assert_eq!(cluster.instances.len(), 2, "{cluster:#?}");
        let flagged: Vec<_> = cluster
            .instances
            .iter()
            .filter(|i| i.reattributed)
            .collect();
        assert_eq!(flagged.len(), 1, "{cluster:#?}");
        assert!(flagged[0].membership >= 0.75);
    }

    /// Class 1, narrative: a report that repeats a run of a quote's words in the quote's
    /// order, naming no one, renders it ("eight fire engines and four rescue units are at
    /// the scene" after the brigade's “eight fire engines and four fire and rescue crews”).
    #[test]
    fn narrative_repeating_a_run_of_the_quote_is_a_rendering_without_a_speaker() {
        let quoting = "Tram overturns in Croydon\n\n\
            A tram overturned near the Sandilands stop early on Wednesday.\n\n\
            “There are eight fire engines and four fire and rescue crews in attendance,” a \
            fire brigade spokesman said.\n";
        let narrating = "Seven dead in tram crash\n\n\
            Seven people died when a tram came off the tracks on Wednesday.\n\n\
            More than 70 firefighters, eight fire engines and four rescue units are at the \
            scene.\n";
        let result = run(&[quoting, narrating]);
        let cluster = holding(&result, "eight fire engines and four fire");
        let rendering = cluster
            .instances
            .iter()
            .find(|i| !i.quoted && i.report == "r1")
            .unwrap_or_else(|| panic!("no narrative rendering: {cluster:#?}"));
        assert!(rendering
            .text
            .contains("eight fire engines and four rescue"));
        assert_eq!(rendering.speaker, None);
        assert_eq!(rendering.wording, Some(Wording::Close));
        assert!(!rendering.reattributed);
    }

    /// Class 1, narrative: a word of the quote far off the end of the run ("… and 22
    /// ambulance crews") is left out of it, not a reason to drop the rendering.
    #[test]
    fn a_narrative_run_leaves_out_a_stray_word() {
        let quoting = "Tram overturns in Croydon\n\n\
            A tram overturned near the Sandilands stop early on Wednesday.\n\n\
            “There are eight fire engines and four fire and rescue crews in attendance,” a \
            fire brigade spokesman said.\n";
        let narrating = "Seven dead in tram crash\n\n\
            Seven people died when a tram came off the tracks on Wednesday.\n\n\
            Eight fire engines, five fire rescue units carrying specialist lifting equipment \
            and 22 ambulance crews were involved in the operation.\n";
        let result = run(&[quoting, narrating]);
        let cluster = holding(&result, "eight fire engines and four fire");
        let rendering = cluster
            .instances
            .iter()
            .find(|i| !i.quoted && i.report == "r1")
            .unwrap_or_else(|| panic!("no narrative rendering: {cluster:#?}"));
        assert_eq!(rendering.text, "Eight fire engines, five fire rescue");
    }

    /// Class 1, narrative: a few words of a long statement told in the reporter's voice
    /// are the story, not a rendering of the statement.
    #[test]
    fn a_few_words_of_a_long_statement_in_narrative_are_not_a_rendering() {
        let quoting = "Rescue goes on at crash site\n\n\
            “Together with the fire brigade we are working to free two people still trapped \
            in the front carriage, and the injured have been taken to three hospitals across \
            the south of the city,” a police spokesman said.\n\n\
            Two people remain trapped in the front carriage after the crash.\n";
        let result = run(&[quoting]);
        let cluster = holding(&result, "working to free two people");
        assert!(cluster.instances.iter().all(|i| i.quoted), "{cluster:#?}");
    }

    /// Class 1, narrative: words that most reports use in their own voice are the story's
    /// common ground, not one speaker's rendering.
    #[test]
    fn the_storys_common_ground_is_not_a_rendering() {
        let quoting = "Police confirm deaths\n\n\
            “We can confirm that at least seven people have lost their lives in the crash,” \
            the police said.\n";
        let narrating = |lede: &str| {
            format!("{lede}\n\nAt least seven people lost their lives in the crash on Wednesday.\n")
        };
        let (a, b, c) = (
            narrating("Tram crash kills seven"),
            narrating("Seven dead as tram overturns"),
            narrating("Tram derails in south London"),
        );
        let result = run(&[quoting, &a, &b, &c]);
        let cluster = holding(&result, "at least seven people have lost");
        assert!(cluster.instances.iter().all(|i| i.quoted), "{cluster:#?}");
    }

    /// Class 5 and reported speech: a description ("the father") or a pronoun stands for
    /// the speaker the report named before; one that stands for someone else rules the
    /// rendering out, and a group the speaker may be one of ("survivors") does not.
    #[test]
    fn reported_speech_by_a_description_a_pronoun_or_a_group() {
        let quoting = "Passengers describe tram crash\n\n\
            “There was blood everywhere and people were screaming for help,” Martin \
            Bamford said.\n";
        let described = "Father of two survives crash\n\n\
            Martin Bamford, from New Addington, was on his way to work.\n\n\
            The father said people were screaming for help and there was blood \
            everywhere.\n";
        let someone_else = "Tram crash: the survivors\n\n\
            Kevin Snow was sitting at the back of the tram.\n\n\
            He said people were screaming for help and there was blood everywhere.\n";
        let group = "Crash survivors speak\n\n\
            Survivors said people were screaming for help, with blood everywhere.\n";
        // A group named with a qualifier is still the group, not "the accident".
        let qualified = "After the derailment\n\n\
            Survivors of the accident said people were screaming for help amid blood \
            everywhere.\n";
        // A participle before the qualifier: the head is still "Survivors".
        let rescued = "Rescue at the crash site\n\n\
            Survivors rescued from the wreckage said people were screaming for help and \
            there was blood everywhere.\n";
        let result = run(&[quoting, described, someone_else, group, qualified, rescued]);
        let cluster = holding(&result, "There was blood everywhere");
        let unquoted = |report: &str| {
            cluster
                .instances
                .iter()
                .find(|i| !i.quoted && i.report == report)
        };
        let father = unquoted("r1").unwrap_or_else(|| panic!("{cluster:#?}"));
        assert_eq!(father.speaker.as_deref(), Some("Martin Bamford"));
        assert_eq!(father.speaker_as_written.as_deref(), Some("The father"));
        assert!(unquoted("r2").is_none(), "{cluster:#?}");
        let survivors = unquoted("r3").unwrap_or_else(|| panic!("{cluster:#?}"));
        assert_eq!(survivors.speaker_as_written.as_deref(), Some("Survivors"));
        assert!(!survivors.reattributed, "a group is not a re-attribution");
        assert!(survivors.membership < father.membership);
        let qualified = unquoted("r4").unwrap_or_else(|| panic!("{cluster:#?}"));
        assert_eq!(
            qualified.speaker_as_written.as_deref(),
            Some("Survivors of the accident")
        );
        let rescued = unquoted("r5").unwrap_or_else(|| panic!("{cluster:#?}"));
        assert_eq!(
            rescued.speaker_as_written.as_deref(),
            Some("Survivors rescued from the wreckage")
        );
    }

    /// Class 1: an irregular past ("sped") renders a quote of its verb (“speeding up”),
    /// and a publication that "reports" the sentence is not its speaker.
    #[test]
    fn an_irregular_past_renders_the_quote_of_its_verb() {
        let quoting = "Passenger recalls the crash\n\n\
            Martin Bamford said the tram was “speeding up” as it came out of the tunnel.\n";
        let reported = "Tram crash survivor speaks\n\n\
            Martin Bamford, a passenger, said the train sped up and “everyone just went \
            flying,” the Associated Press reports.\n";
        let result = run(&[quoting, reported]);
        let cluster = holding(&result, "speeding up");
        let rendering = cluster
            .instances
            .iter()
            .find(|i| !i.quoted && i.report == "r1")
            .unwrap_or_else(|| panic!("no rendering of “speeding up”: {cluster:#?}"));
        assert_eq!(rendering.text, "the train sped up", "{rendering:?}");
        assert_eq!(rendering.speaker.as_deref(), Some("Martin Bamford"));
    }

    /// Class 1: a quote of a fragment comes in the reporter's own clause ("the council
    /// said its panel would review the plan “to weigh every cost …”"); another report's
    /// speech echoing that clause, same speaker, renders the same statement, though it
    /// shares no word with the fragment.
    #[test]
    fn reported_speech_echoing_a_quotes_frame_is_a_rendering() {
        let framed = "Council to study the park offer\n\n\
            In a statement, the council said its planning panel would review the developer's \
            proposal “to weigh every cost and benefit for the neighbourhood.”\n";
        let echo = "Developer raises park offer\n\n\
            The council responded that its planning panel would review the latest offer \
            before any vote.\n";
        let other_speaker = "Park offer raised\n\n\
            The developer said its planning panel would review the latest offer in March.\n";
        let result = run(&[framed, echo, other_speaker]);
        let cluster = holding(&result, "to weigh every cost");
        let unquoted: Vec<(&str, Option<&str>)> = cluster
            .instances
            .iter()
            .filter(|i| !i.quoted)
            .map(|i| (i.report.as_str(), i.speaker.as_deref()))
            .collect();
        assert_eq!(unquoted, [("r1", Some("The council"))], "{cluster:#?}");
        let echo = cluster.instances.iter().find(|i| !i.quoted).unwrap();
        assert!(echo.text.contains("review the latest offer"), "{echo:?}");
        assert_eq!(
            echo.wording,
            Some(Wording::Paraphrase),
            "the reporter's words"
        );
        let quote = cluster.instances.iter().find(|i| i.quoted).unwrap();
        assert!(echo.membership < quote.membership);
    }

    /// A frame of two content words ("the tram was travelling") finds no echo: any
    /// sentence of the speaker's on the subject would share it.
    #[test]
    fn a_frame_of_two_words_finds_no_echo() {
        let short = "Speed blamed\n\n\
            The branch said the tram was travelling at a “significantly higher speed than \
            permitted”.\n";
        let same_subject = "The route\n\n\
            The branch said the tram was travelling from New Addington to Wimbledon on its \
            usual route.\n";
        let result = run(&[short, same_subject]);
        let cluster = holding(&result, "significantly higher speed");
        assert!(cluster.instances.iter().all(|i| i.quoted), "{cluster:#?}");
    }

    /// A statement the quote's sentence reports beside it, set apart by "and", "but" or a
    /// colon, is the speaker's account in the reporter's words: a rendering of the
    /// utterance, whose echo in another report renders it too. A fragment completing the
    /// statement it stands in (“…, alongside “a number of factors””) sets nothing apart.
    #[test]
    fn a_statement_reported_beside_a_quote_renders_its_utterance() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Kevin Snow said he noticed the tram did not seem to slow down at the bend and \
                 “the next thing I knew we were on our side.”",
                "the next thing I knew",
                Some("he noticed the tram did not seem to slow down at the bend"),
            ),
            (
                "Martin Bamford said the tram sped up before the tight bend and added: \
                 “Everyone just went flying.”",
                "Everyone just went flying",
                Some("the tram sped up before the tight bend"),
            ),
            (
                "Martin Bamford said that the tram sped up before the tight bend but told \
                 reporters outside the hospital “everyone just went flying.”",
                "everyone just went flying",
                Some("the tram sped up before the tight bend"),
            ),
            // A colon after the attribution's own verb introduces the quote.
            (
                "Mayor Ana Ruiz said in a statement released after the council vote: “We will \
                 rebuild the station.”",
                "We will rebuild the station",
                None,
            ),
            (
                "Martin Bamford told reporters outside the hospital late on Wednesday: \
                 “Everyone just went flying.”",
                "Everyone just went flying",
                None,
            ),
            // A reporting verb in a relative clause is not the attribution's.
            (
                "Ms Patel, who has often said she regularly takes the tram, said: “There is \
                 quite a sharp bend.”",
                "There is quite a sharp bend",
                None,
            ),
            // The quote completes the clause, or the list, it stands in.
            (
                "Robin Smith said officers were investigating whether the driver fell asleep, \
                 alongside “a number of factors”.",
                "a number of factors",
                None,
            ),
            (
                "Mayor Ana Ruiz said the deal would bring new jobs, better schools and “a fair \
                 and lasting peace for every neighbourhood”.",
                "a fair and lasting peace",
                None,
            ),
            (
                "Martin Bamford, 30, said the tram sped up before the tight bend, “and then \
                 everyone just went flying.”",
                "and then everyone just went flying",
                None,
            ),
        ];
        for &(sentence, quote, statement) in cases {
            let text = format!("Tram crash\n\n{sentence}\n");
            let result = run(&[&text]);
            let cluster = holding(&result, quote);
            let unquoted: Vec<_> = cluster.instances.iter().filter(|i| !i.quoted).collect();
            match statement {
                Some(words) => {
                    assert_eq!(unquoted.len(), 1, "{sentence}: {cluster:#?}");
                    assert_eq!(unquoted[0].text, words);
                    assert_eq!(unquoted[0].wording, Some(Wording::Paraphrase));
                    assert_eq!(unquoted[0].speaker, cluster.instances[0].speaker);
                    assert!(unquoted[0].membership < 1.0);
                }
                None => assert!(unquoted.is_empty(), "{sentence}: {cluster:#?}"),
            }
        }
        let quoting = format!("Tram crash\n\n{}\n", cases[0].0);
        let echo = "Passenger speaks\n\n\
            Kevin Snow said the tram did not slow down at the bend as it usually did.\n";
        let result = run(&[&quoting, echo]);
        let cluster = holding(&result, "the next thing I knew");
        assert!(
            cluster
                .instances
                .iter()
                .any(|i| i.report == "r1" && !i.quoted),
            "{cluster:#?}"
        );
        // Another report quoting the statement too leaves it a rendering of the same
        // utterance: the quote's words that claim it are that utterance's own.
        let whole = "Passenger speaks\n\n\
            “I noticed the tram did not seem to slow down at the bend, and the next thing I \
            knew we were on our side,” Kevin Snow said.\n";
        let result = run(&[&quoting, whole]);
        let cluster = holding(&result, "the next thing I knew we were on our side");
        assert!(
            cluster
                .instances
                .iter()
                .any(|i| i.report == "r0" && !i.quoted && i.text.starts_with("he noticed")),
            "{cluster:#?}"
        );
    }

    /// Wire copy quoting one wording many times does not crowd out the other wordings
    /// renderings are looked for from, whatever the order of the reports.
    #[test]
    fn many_copies_of_one_wording_do_not_hide_another() {
        let copy = "Station to be rebuilt\n\n\
            “We will rebuild the station,” Mayor Ana Ruiz said.\n";
        let longer = "Mayor vows to rebuild\n\n\
            Mayor Ana Ruiz said: “We will rebuild the station, and the whole tram line will \
            reopen by the spring.”\n";
        let echo = "Tram line to reopen\n\n\
            Mayor Ana Ruiz said the whole tram line would reopen by the spring.\n";
        let mut texts = vec![copy; 17];
        texts.extend([longer, echo]);
        let echoed = |texts: &[&str]| {
            let result = run(texts);
            let cluster = holding(&result, "the whole tram line will reopen");
            cluster
                .instances
                .iter()
                .any(|i| !i.quoted && i.text.contains("would reopen by the spring"))
        };
        assert!(echoed(&texts), "copies first");
        texts.rotate_right(2);
        assert!(echoed(&texts), "copies last");
    }

    /// Class 5: a sentence that quotes one speaker speaks for that speaker: its other
    /// clause is not another speaker's utterance rendered by a group ("Investigators …
    /// are probing whether the driver fell asleep" is not a passenger's account).
    #[test]
    fn a_sentence_quoting_one_speaker_does_not_render_anothers_words() {
        let investigators = "Speed blamed for derailment\n\n\
            Investigators said the tram was travelling at a “significantly higher speed than \
            is permitted”, and are probing whether the driver may have fallen asleep at \
            the controls.\n";
        let passenger = "Passenger saw the driver\n\n\
            “It looked like the driver had fallen asleep at the controls,” passenger Martin \
            Harris said.\n";
        let result = run(&[investigators, passenger]);
        let cluster = holding(&result, "fallen asleep at the controls");
        let reports: Vec<(&str, bool)> = cluster
            .instances
            .iter()
            .map(|i| (i.report.as_str(), i.quoted))
            .collect();
        assert_eq!(reports, [("r1", true)], "{cluster:#?}");
    }

    /// A sentence that frames its own quote ("the branch said the tram was travelling at
    /// “a significantly higher speed …”") renders the utterance once, quoted: the words
    /// around the quote are not a second, unquoted rendering.
    #[test]
    fn a_quotes_own_frame_is_not_a_second_rendering() {
        let a = "Tram derailed on a curve\n\n\
            Investigators said the tram was travelling “at a significantly higher speed than \
            is permitted” when it derailed on the curve near the stop.\n";
        let b = "Speed blamed for derailment\n\n\
            “The tram was travelling at a significantly higher speed than is permitted,” the \
            investigators said of the derailment on the curve.\n";
        let result = run(&[a, b]);
        let cluster = holding(&result, "significantly higher speed");
        let reports: Vec<(&str, bool)> = cluster
            .instances
            .iter()
            .map(|i| (i.report.as_str(), i.quoted))
            .collect();
        assert_eq!(reports, [("r0", true), ("r1", true)], "{cluster:#?}");
    }
}
