from wagtail import hooks


@hooks.register("register_log_actions")
def register_core_actions(actions):
    actions.register_action("core.role.grant", "Grant role", "Role granted")
    actions.register_action("core.role.revoke", "Revoke role", "Role revoked")
    actions.register_action("core.regions.set", "Set regions", "Regions set")
