package org.spinout.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Spares the engine a read of its whole authorization table in every command a signed-in person
 * runs. Before it checks a person's permissions, the engine narrows their groups to those that
 * hold any authorization, and to know which it reads the group of every authorization there is:
 * with one authorization per task and candidate group, as many as there are open tasks. People
 * here belong to a few groups, so their groups are checked as they are; a group that holds no
 * authorization matches none, narrowed or not.
 */
@Component
class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<SessionFactory> factories = new ArrayList<>();
		if (configuration.getCustomSessionFactories() != null) {
			factories.addAll(configuration.getCustomSessionFactories());
		}
		factories.add(new SessionFactory() {
			@Override
			public Class<?> getSessionType() {
				return AuthorizationManager.class;
			}

			@Override
			public Session openSession() {
				return new GroupsAsTheyAre();
			}
		});
		configuration.setCustomSessionFactories(factories);
	}

	/** The engine's authorization checks, with the person's groups as they are. */
	static final class GroupsAsTheyAre extends AuthorizationManager {

		@Override
		public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
			if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
				return EMPTY_LIST;
			}
			return new ArrayList<>(authenticatedGroupIds);
		}
	}
}
