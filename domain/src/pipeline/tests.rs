//! The pipeline's rules, move by move.

use super::*;

fn reason(kind: RejectionKind, text: Option<&str>) -> RejectionReason {
    RejectionReason {
        kind,
        text: text.map(str::to_owned),
    }
}

#[test]
fn the_road_forward_may_skip_steps_before_the_interview_but_not_the_interview() {
    assert_eq!(
        check_move(Stage::New, Stage::Shortlisted, None, false),
        Ok(())
    );
    assert_eq!(
        check_move(Stage::New, Stage::Interview, None, false),
        Ok(())
    );
    assert_eq!(
        check_move(Stage::Interview, Stage::Offer, None, false),
        Ok(())
    );
    assert_eq!(check_move(Stage::Offer, Stage::Hired, None, false), Ok(()));
    assert_eq!(
        check_move(Stage::New, Stage::Offer, None, false),
        Err(MoveError::SkipsInterview {
            from: Stage::New,
            to: Stage::Offer
        })
    );
    assert_eq!(
        check_move(Stage::Interview, Stage::Hired, None, false),
        Err(MoveError::HireWithoutOffer {
            from: Stage::Interview
        })
    );
}

#[test]
fn an_admin_may_force_an_offer_or_a_hire_and_reopen_a_closed_application() {
    assert_eq!(check_move(Stage::New, Stage::Offer, None, true), Ok(()));
    assert_eq!(
        check_move(Stage::Contacted, Stage::Hired, None, true),
        Ok(())
    );
    assert_eq!(
        check_move(Stage::Rejected, Stage::Interview, None, true),
        Ok(())
    );
    assert_eq!(
        check_move(Stage::Rejected, Stage::Interview, None, false),
        Err(MoveError::Closed {
            from: Stage::Rejected,
            to: Stage::Interview
        })
    );
    assert!(check_move(Stage::Hired, Stage::Withdrawn, None, false).is_err());
}

#[test]
fn an_open_application_goes_back_or_closes_from_any_stage() {
    assert_eq!(
        check_move(Stage::Interview, Stage::Shortlisted, None, false),
        Ok(())
    );
    assert_eq!(
        check_move(Stage::Offer, Stage::Withdrawn, None, false),
        Ok(())
    );
    let no_answer = reason(RejectionKind::NoResponse, None);
    for from in Stage::ALL.into_iter().filter(|s| !s.is_closed()) {
        assert_eq!(
            check_move(from, Stage::Rejected, Some(&no_answer), false),
            Ok(()),
            "{from}"
        );
    }
}

#[test]
fn a_rejection_needs_a_reason_and_other_needs_its_text_even_when_forced() {
    assert_eq!(
        check_move(Stage::New, Stage::Rejected, None, true),
        Err(MoveError::ReasonMissing)
    );
    let other = reason(RejectionKind::Other, Some("  "));
    assert_eq!(
        check_move(Stage::New, Stage::Rejected, Some(&other), false),
        Err(MoveError::ReasonTextMissing)
    );
    let said = reason(RejectionKind::Other, Some("moved abroad"));
    assert_eq!(
        check_move(Stage::New, Stage::Rejected, Some(&said), false),
        Ok(())
    );
    assert_eq!(
        check_move(Stage::New, Stage::Shortlisted, Some(&said), false),
        Err(MoveError::ReasonNotExpected {
            to: Stage::Shortlisted
        })
    );
}

#[test]
fn exactly_the_refusals_of_the_roads_order_are_lifted_by_force() {
    let cases = [
        (Stage::New, Stage::Offer, None),
        (Stage::Contacted, Stage::Hired, None),
        (Stage::Hired, Stage::Interview, None),
        (Stage::New, Stage::New, None),
        (Stage::New, Stage::Rejected, None),
    ];
    for (from, to, reason) in cases {
        let refused = check_move(from, to, reason, false).expect_err("refused");
        assert_eq!(
            refused.forcible(),
            check_move(from, to, reason, true).is_ok(),
            "{from} → {to}: {}",
            refused.code()
        );
    }
}

#[test]
fn a_move_to_the_same_stage_is_no_move() {
    for stage in Stage::ALL {
        assert_eq!(
            check_move(stage, stage, None, true),
            Err(MoveError::Unchanged(stage))
        );
    }
}

#[test]
fn stages_read_back_from_their_names_in_any_case() {
    for stage in Stage::ALL {
        assert_eq!(stage.as_str().parse::<Stage>(), Ok(stage));
        assert_eq!(stage.as_str().to_lowercase().parse::<Stage>(), Ok(stage));
    }
    for kind in RejectionKind::ALL {
        assert_eq!(kind.as_str().parse::<RejectionKind>(), Ok(kind));
    }
    for source in Source::ALL {
        assert_eq!(source.as_str().parse::<Source>(), Ok(source));
    }
    assert_eq!(
        "HIRING".parse::<Stage>(),
        Err(UnknownName("HIRING".to_owned()))
    );
}
