/** The figures of a load run, as a Markdown table for people and a JSON document for tools. */
package org.mudbackbone.bench.report;
