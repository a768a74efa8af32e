use super::*;
use crate::document::RequirementSpec;

const SMALL: &str = "AMETIJUHEND\n\n1. ÜLDOSA\n\n1.1 Ametinimetus\t1.2 Struktuuriüksus\n\
Jurist\tÕigusosakond\n\n1.3 Vahetu juht\t1.4 Kes asendab\t1.5 Keda asendab\n\
Osakonnajuhataja\tTeine jurist\t\n\n2. AMETIKOHA EESMÄRK\n\nMaksu- ja Tolliameti (edaspidi amet) \
õigusalane \nnõustamine.\n\n3. TÖÖÜLESANDED\n\nPõhiülesanded\tOodatavad tulemused\n\
3.1 Õigusaktide analüüs.\t<ul>▪ Analüüs on tehtud.\n3.2 Nõustamine.\t▪ Nõu on antud.\n\n\
4. ÕIGUSED\n\nOmab õigust:\n- saada infot;\n- osaleda koolitustel.\n\n5. VASTUTUS\n\n\
Omab vastutust:\n- oma töö eest.\n\n7. AMETIKOHALE ESITATAVAD NÕUDED\n\nHaridus\n\n\
Õigusalane magistrikraad\n\nKeeleoskus\n\nValdab eesti keelt vähemalt tasemel C1.\n\n\
Ametijuhendiga tutvunud:\nVahetu juht\n";

fn job(text: &str) -> (JobDoc, Vec<String>) {
    match parse(text) {
        Ok(ParsedDocument {
            body: DocumentBody::Job(job),
            warnings,
            kind: DocumentKind::JobDescription,
        }) => (job, warnings),
        other => panic!("not a job description: {other:?}"),
    }
}

#[test]
fn a_small_word_export_is_read_part_by_part() {
    let (job, warnings) = job(SMALL);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(job.title, "Jurist");
    assert_eq!(job.organization.as_deref(), Some("Maksu- ja Tolliamet"));
    assert_eq!(job.unit.as_deref(), Some("Õigusosakond"));
    assert_eq!(job.reports_to.as_deref(), Some("Osakonnajuhataja"));
    assert_eq!(job.substituted_by.as_deref(), Some("Teine jurist"));
    assert_eq!(job.substitutes, None);
    assert_eq!(
        job.purpose.as_deref(),
        Some("Maksu- ja Tolliameti (edaspidi amet) õigusalane nõustamine.")
    );
    assert_eq!(job.tasks.len(), 2);
    assert_eq!(
        job.tasks[1].expected_results.as_deref(),
        Some("Nõu on antud.")
    );
    assert_eq!(job.rights, ["saada infot", "osaleda koolitustel"]);
    assert_eq!(job.responsibilities, ["oma töö eest"]);
    assert_eq!(job.requirements.len(), 2);
    assert!(matches!(
        job.requirements[0].spec,
        RequirementSpec::Education { .. }
    ));
}

#[test]
fn a_job_description_is_recognised_by_its_title_and_labels() {
    assert!(recognise(SMALL));
    assert!(recognise(
        "1.1 Ametinimetus 1.2 Struktuuriüksus\nNõunik Osakond\n1.3 Vahetu juht\nJuht"
    ));
}

#[test]
fn job_ads_standards_and_prose_are_not_job_descriptions() {
    assert!(!recognise(
        "# Klienditeenindaja\nTööandja: AS Näidis\n## Tööülesanded\n- klientide nõustamine\n\
         ## Nõuded kandidaadile\n- eesti keel C1"
    ));
    assert!(!recognise(
        "KUTSESTANDARD\nKvaliteedijuht, tase 7\nA.7 Enamlevinud ametinimetused\nKvaliteedijuht"
    ));
    assert!(!recognise("Meie ametijuhend on pikk ja põhjalik dokument."));
}

#[test]
fn text_without_any_part_of_a_job_description_is_refused() {
    assert!(matches!(
        parse("Tere! Homme on ilus ilm."),
        Err(ParseFailure::NotA {
            kind: DocumentKind::JobDescription,
            ..
        })
    ));
}

#[test]
fn a_description_missing_parts_is_read_with_warnings() {
    let (job, warnings) = job("AMETIJUHEND\n1.1 Ametinimetus\nAnalüütik\n");
    assert_eq!(job.title, "Analüütik");
    assert!(
        warnings.iter().any(|w| w.contains("organisation")),
        "{warnings:?}"
    );
    assert!(warnings.iter().any(|w| w.contains("tasks")), "{warnings:?}");
}

#[test]
fn odd_input_never_panics() {
    for odd in [
        "AMETIJUHEND\n3. TÖÖÜLESANDED\n.\n..\n3.\n.1.\n▪\n▪▪\n\t\t",
        "1.1 Ametinimetus\t1.2\n\t\t\t\t",
        "AMETIJUHEND\n(edaspidi",
        "AMETIJUHEND\n7. NÕUDED\n**\n- **\n: \n",
        "ÕIGUSED\nVASTUTUS\nAMETIJUHEND\nä",
    ] {
        let _ = parse(odd);
        let _ = recognise(odd);
    }
}
