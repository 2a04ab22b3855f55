package org.spinout.storage;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes H2's file system {@code sync:} known before any bean can open the database. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean
	static BeanFactoryPostProcessor syncFileSystem() {
		return beanFactory -> SyncFileSystem.register();
	}
}
