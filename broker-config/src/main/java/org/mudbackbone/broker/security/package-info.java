/** Who may do what on the brokers: the ACLs of a game's world and gateways, and their provisioning. */
package org.mudbackbone.broker.security;
