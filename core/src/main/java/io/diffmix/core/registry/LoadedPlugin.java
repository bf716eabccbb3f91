package io.diffmix.core.registry;

import io.diffmix.core.spi.DiffmixPlugin;

/**
 * A plugin found by the loader, with where it came from.
 *
 * @param plugin the instance
 * @param source the path of the plugin jar it was loaded from, or {@link PluginLoader#BUILT_IN} for the class
 *     path
 * @param version the jar's implementation version, or "dev" when unknown
 */
public record LoadedPlugin(DiffmixPlugin plugin, String source, String version) {}
