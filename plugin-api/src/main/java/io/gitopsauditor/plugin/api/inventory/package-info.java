/**
 * The repository inventory: every repository the platform knows, from local folders and hosted
 * accounts, matched up. One plugin (the audit plugin) builds it from every
 * {@link io.gitopsauditor.plugin.api.inventory.RepositorySource} and provides it as a
 * {@link io.gitopsauditor.plugin.api.inventory.RepositoryInventory}; every other plugin reads it
 * through {@link io.gitopsauditor.plugin.api.PluginContext#repositories()} instead of scanning
 * disks or GitHub itself.
 *
 * @since 0.1
 */
package io.gitopsauditor.plugin.api.inventory;
