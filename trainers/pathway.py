"""The trainer pathway as an explicit state machine (DOMAIN.md §6; 000:L1930–2065, L410–416, L3854–3863).

applicant → in pool → T4T completed → shadowed (N) → co-trained (M) → accredited → Lead Trainer,
or declined; separately a trainer's standing is active, suspended or withdrawn, each change with a
reason. This module only says which moves exist; `trainers.services.pathway.pathway_move` applies
them (lock, check, history row, audit entry `trainers.pathway.<verb>`).
"""

from dataclasses import dataclass

from trainers.models.choices import Stage, Standing


@dataclass(frozen=True)
class Transition:
    verb: str
    label: str
    sources: frozenset[str]
    target: str
    #: Standing moves change `standing`; stage moves change `stage` and need an active trainer.
    changes_standing: bool = False
    needs_reason: bool = False


def _stage(verb: str, label: str, sources: set[str], target: str) -> Transition:
    return Transition(verb, label, frozenset(sources), target)


def _standing(verb: str, label: str, sources: set[str], target: str) -> Transition:
    return Transition(verb, label, frozenset(sources), target, changes_standing=True, needs_reason=True)


TRANSITIONS: dict[str, Transition] = {
    transition.verb: transition
    for transition in [
        _stage("apply", "Applied", {Stage.DECLINED}, Stage.APPLICANT),
        _stage("accept", "Accepted into the pool", {Stage.APPLICANT}, Stage.IN_POOL),
        _stage("decline", "Application declined", {Stage.APPLICANT}, Stage.DECLINED),
        _stage("complete_t4t", "Completed Training for Trainers", {Stage.IN_POOL}, Stage.T4T_COMPLETED),
        _stage("shadowed", "Shadowing signed off", {Stage.T4T_COMPLETED}, Stage.SHADOWED),
        _stage("co_trained", "Co-training signed off", {Stage.SHADOWED}, Stage.CO_TRAINED),
        _stage("accredit", "Accredited as a trainer", {Stage.CO_TRAINED}, Stage.ACCREDITED),
        _stage("promote_lead", "Became a Lead Trainer", {Stage.ACCREDITED}, Stage.LEAD),
        _standing("suspend", "Suspended", {Standing.ACTIVE}, Standing.SUSPENDED),
        _standing("reinstate", "Reinstated", {Standing.SUSPENDED}, Standing.ACTIVE),
        _standing("withdraw", "Withdrawn", {Standing.ACTIVE, Standing.SUSPENDED}, Standing.WITHDRAWN),
    ]
}

#: A first application starts the pathway with "apply"; an import ("import") starts it at any stage.
IMPORT_LABEL = "Recorded from existing records"


def action_label(action: str) -> str:
    transition = TRANSITIONS.get(action)
    return transition.label if transition else IMPORT_LABEL
