-------------------------------- MODULE Raft --------------------------------
(***************************************************************************)
(* Raft's safety core as the course's RaftNode (project07-election)        *)
(* implements it: elections with the up-to-date rule (§5.4.1), log         *)
(* replication with the conflict rule (§5.3), the current-term commit rule *)
(* (§5.4.2), a no-op appended by every new leader, and crashes that keep   *)
(* only the durable state (term, votedFor, log); reads at the read index   *)
(* (thesis §6.4), answered once a majority is at the leader's term; and,   *)
(* when Snapshots is TRUE, InstallSnapshot (§7, Figure 13) of a leader's   *)
(* committed prefix to a follower that may need compacted entries.         *)
(* A snapshot is modelled by what it stands for, the committed prefix of   *)
(* the leader's log: logs stay whole, so every property below reads them   *)
(* as before, and installing one replaces the follower's log up to its     *)
(* index (keeping the rest only if the entry there has the same term).     *)
(*                                                                         *)
(* Names follow the Java code: the variables are RaftNode's fields, the    *)
(* messages are the records of rafting.replication with their fields, the  *)
(* roles are the constants of Role, the flaws are the constants of Flaw.  *)
(* Each flaw switches off the one rule that Flaw's javadoc names; every     *)
(* flaw has a model of its own (RaftCommitEarlierTermByCounting.cfg and so  *)
(* on) in which TLC finds the property it breaks.                           *)
(*                                                                         *)
(* The network is the set `messages` of messages in flight: any of them    *)
(* may be received next, or never. Receiving one consumes it; a leader     *)
(* resends AppendEntries as often as it likes, which is how duplicates and *)
(* late copies of old requests reach a follower.                           *)
(*                                                                         *)
(* Left out, because they serve liveness and only ever prevent steps that  *)
(* this spec allows: ticks and timeouts (any follower or candidate may     *)
(* start an election at any time), pre-vote and check-quorum.  Batching is *)
(* left out too: a request carries at most one entry.                      *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS Server,         \* the servers; model values, so that TLC can use their symmetry
          None,           \* RaftNode.NONE: votedFor before any vote in the term
          MaxTerm,        \* bound for TLC: no election starts beyond this term
          MaxProposals,   \* bound for TLC: at most this many client proposals in a run
          MaxInFlight,    \* bound for TLC: no state with more messages in flight is explored
          Crashes,        \* TRUE: servers may crash and restart
          Snapshots,      \* TRUE: leaders may send InstallSnapshot
          Flaws           \* Settings.flaws: the broken rules, a subset of FlawNames

\* The constants of rafting.election.Flaw, each the name of a rule switched off.
\* The leader commits the highest index on a majority whatever its term (Figure 8).
CommitEarlierTerm == "COMMIT_EARLIER_TERM_BY_COUNTING"
\* A follower deletes everything after prevLogIndex even when the entries there match.
TruncateOnMatch == "TRUNCATE_ON_MATCHING_APPEND"
\* A follower commits up to min(leaderCommit, its last index), past what the request confirmed.
CommitPastConfirmed == "FOLLOWER_COMMITS_PAST_CONFIRMED"
\* A voter ignores the up-to-date rule of §5.4.1.
IgnoreUpToDate == "IGNORE_UP_TO_DATE_RULE"
\* A voter grants a vote in a term in which it already voted for someone else.
VoteTwice == "VOTE_TWICE_IN_A_TERM"
\* A candidate counts granted votes from earlier terms.
CountOtherTerms == "COUNT_VOTES_FROM_OTHER_TERMS"
\* A follower takes the leader's commit index even when it is lower than its own.
LowerCommit == "LOWER_COMMIT_INDEX"
\* The node never asks for a sync: a crash may lose a vote or entries it already
\* acknowledged (see Restart).
AckBeforeDurable == "ACKNOWLEDGE_BEFORE_DURABLE"
\* A leader answers a read at once, without confirming that it still leads (see Read).
ReadWithoutConfirming == "READ_WITHOUT_CONFIRMING_LEADERSHIP"
\* A follower whose log reaches a snapshot's index keeps its log, conflicting or not,
\* and commits up to there (see HandleInstallSnapshot).
KeepLogOnSnapshot == "KEEP_LOG_ON_SNAPSHOT"
FlawNames == {CommitEarlierTerm, TruncateOnMatch, CommitPastConfirmed, IgnoreUpToDate,
              VoteTwice, CountOtherTerms, LowerCommit, AckBeforeDurable, ReadWithoutConfirming,
              KeepLogOnSnapshot}

ASSUME None \notin Server
ASSUME Flaws \subseteq FlawNames
ASSUME Crashes \in BOOLEAN

FOLLOWER == "FOLLOWER"
CANDIDATE == "CANDIDATE"
LEADER == "LEADER"

VARIABLES
    \* durable (TermVote and the LogStorage): kept through a crash
    term, votedFor, log,
    \* volatile: lost in a crash
    role, commitIndex, votes, nextIndex, matchIndex,
    \* the network
    messages,
    \* history, read by the invariants only: every <<term, leader>> ever elected, and
    \* for each index, the entry first committed there and the term of the leader that did it;
    \* and the number of client proposals so far, for the bound MaxProposals; and whether a
    \* leader ever answered a read that missed a committed entry
    elected, committed, proposals, staleRead

durable == <<term, votedFor, log>>
volatile == <<role, commitIndex, votes, nextIndex, matchIndex>>
history == <<elected, committed, proposals, staleRead>>
vars == <<durable, volatile, messages, history>>

\* Membership.isQuorum
IsQuorum(S) == 2 * Cardinality(S) > Cardinality(Server)
Min(a, b) == IF a < b THEN a ELSE b
Max(a, b) == IF a > b THEN a ELSE b

\* RaftLog.lastIndex, lastTerm, termAt
LastIndex(i) == Len(log[i])
LastTerm(i) == IF log[i] = << >> THEN 0 ELSE log[i][Len(log[i])].term
TermAt(i, n) == IF n = 0 THEN 0 ELSE log[i][n].term

\* RaftLog.isUpToDate, §5.4.1: the later last term wins; with equal last terms, the longer log.
IsUpToDate(i, lastLogIndex, lastLogTerm) ==
    IF lastLogTerm # LastTerm(i) THEN lastLogTerm > LastTerm(i) ELSE lastLogIndex >= LastIndex(i)

\* RaftLog.conflictHint: after a refusal at prevIndex, where the leader should look next.
ConflictHint(i, prevIndex) ==
    IF prevIndex > LastIndex(i) THEN LastIndex(i) + 1
    ELSE LET sameTerm == {k \in 1..prevIndex : \A x \in k..prevIndex : log[i][x].term = log[i][prevIndex].term}
         IN CHOOSE k \in sameTerm : \A x \in sameTerm : k <= x

Send(ms) == messages' = messages \cup ms
Reply(m, r) == messages' = (messages \ {m}) \cup {r}
Consume(m) == messages' = messages \ {m}

----------------------------------------------------------------------------
Init == /\ term = [i \in Server |-> 0]
        /\ votedFor = [i \in Server |-> None]
        /\ log = [i \in Server |-> << >>]
        /\ role = [i \in Server |-> FOLLOWER]
        /\ commitIndex = [i \in Server |-> 0]
        /\ votes = [i \in Server |-> {}]
        /\ nextIndex = [i \in Server |-> [j \in Server |-> 1]]
        /\ matchIndex = [i \in Server |-> [j \in Server |-> 0]]
        /\ messages = {}
        /\ elected = {}
        /\ committed = {}
        /\ proposals = 0
        /\ staleRead = FALSE

\* §5.1: a message with a higher term makes the receiver a follower of that term
\* (RaftNode.becomeFollower) before anything else; these are its term, vote and role then.
Observed(i, t) ==
    IF t > term[i] THEN [term |-> t, votedFor |-> None, role |-> FOLLOWER]
    ELSE [term |-> term[i], votedFor |-> votedFor[i], role |-> role[i]]

\* A follower keeps no votes and no progress of followers (RaftNode.becomeFollower
\* clears them): a server that is not in role r afterwards forgets them.
KeepVotes(i, r, v) == votes' = [votes EXCEPT ![i] = IF r = FOLLOWER THEN {} ELSE v]
KeepProgress(i, r) == /\ nextIndex' = [nextIndex EXCEPT ![i] = IF r = LEADER THEN @ ELSE [j \in Server |-> 1]]
                      /\ matchIndex' = [matchIndex EXCEPT ![i] = IF r = LEADER THEN @ ELSE [j \in Server |-> 0]]

----------------------------------------------------------------------------
\* RaftNode.becomeCandidate (§5.2): increment the term, vote for itself.
BecomeCandidate(i) ==
    /\ role[i] \in {FOLLOWER, CANDIDATE}
    /\ term[i] < MaxTerm
    /\ term' = [term EXCEPT ![i] = @ + 1]
    /\ votedFor' = [votedFor EXCEPT ![i] = i]
    /\ role' = [role EXCEPT ![i] = CANDIDATE]
    /\ votes' = [votes EXCEPT ![i] = {i}]
    /\ UNCHANGED <<log, commitIndex, nextIndex, matchIndex, messages, history>>

\* RaftNode.askForVotes, one peer at a time (the same as asking all at once and
\* losing or delaying some requests, since a candidate's log does not change).
RequestVote(i, j) ==
    /\ role[i] = CANDIDATE
    /\ j \notin votes[i]
    /\ Send({[type |-> "RequestVote", from |-> i, to |-> j, term |-> term[i],
              lastLogIndex |-> LastIndex(i), lastLogTerm |-> LastTerm(i)]})
    /\ UNCHANGED <<durable, volatile, history>>

\* RaftNode.propose on a leader: a client's command appended to its log. Each
\* proposal has a command of its own, so that two of them are never equal entries.
Propose(i) ==
    /\ role[i] = LEADER
    /\ proposals < MaxProposals
    /\ proposals' = proposals + 1
    /\ log' = [log EXCEPT ![i] = Append(@, [term |-> term[i], command |-> "set" \o ToString(proposals')])]
    /\ UNCHANGED <<term, votedFor, volatile, messages, elected, committed, staleRead>>

\* Leader.replicate: the entry at nextIndex (if any), the previous entry's index
\* and term, and the leader's commit index.
AppendEntries(i, j) ==
    /\ role[i] = LEADER
    /\ i # j
    /\ LET prev == nextIndex[i][j] - 1
           entries == IF prev < LastIndex(i) THEN << log[i][prev + 1] >> ELSE << >>
       IN Send({[type |-> "AppendEntries", from |-> i, to |-> j, term |-> term[i],
                 prevLogIndex |-> prev, prevLogTerm |-> TermAt(i, prev),
                 entries |-> entries, leaderCommit |-> commitIndex[i]]})
    /\ UNCHANGED <<durable, volatile, history>>

\* RaftNode.sendSnapshots: a leader whose follower needs entries it may have compacted
\* (nextIndex at or below its commit index) sends its snapshot, which holds the
\* committed prefix of its log. The chunks of Figure 13 are left out: SnapshotTest
\* covers them; here a snapshot arrives whole or not at all.
SendSnapshot(i, j) ==
    /\ Snapshots
    /\ role[i] = LEADER
    /\ i # j
    /\ commitIndex[i] > 0
    /\ nextIndex[i][j] <= commitIndex[i]
    /\ Send({[type |-> "InstallSnapshot", from |-> i, to |-> j, term |-> term[i],
              lastIncludedIndex |-> commitIndex[i], lastIncludedTerm |-> log[i][commitIndex[i]].term,
              data |-> SubSeq(log[i], 1, commitIndex[i])]})
    /\ UNCHANGED <<durable, volatile, history>>

\* A crash and restart: the node comes back from what it made durable before it
\* sent anything that depended on it (the driver's contract), and loses the rest.
\* With ACKNOWLEDGE_BEFORE_DURABLE the driver syncs whenever it likes, so the
\* vote of the current term and any suffix of the log may not have reached the
\* disk yet, although the messages that acknowledged them are gone.
Restart(i) ==
    /\ Crashes
    /\ role' = [role EXCEPT ![i] = FOLLOWER]
    /\ commitIndex' = [commitIndex EXCEPT ![i] = 0]
    /\ votes' = [votes EXCEPT ![i] = {}]
    /\ nextIndex' = [nextIndex EXCEPT ![i] = [j \in Server |-> 1]]
    /\ matchIndex' = [matchIndex EXCEPT ![i] = [j \in Server |-> 0]]
    /\ IF AckBeforeDurable \in Flaws
       THEN \E v \in {votedFor[i], None}, n \in 0..LastIndex(i) :
               /\ votedFor' = [votedFor EXCEPT ![i] = v]
               /\ log' = [log EXCEPT ![i] = SubSeq(@, 1, n)]
               /\ UNCHANGED term
       ELSE UNCHANGED durable
    /\ UNCHANGED <<messages, history>>

----------------------------------------------------------------------------
\* RaftNode.onRequestVote (§5.2, §5.4.1): one vote per term, first come first
\* served, and only for a candidate whose log is at least as up to date.
HandleRequestVote(m) ==
    LET i == m.to
        s == Observed(i, m.term)
        granted == /\ m.term = s.term
                   /\ s.votedFor \in {None, m.from} \/ VoteTwice \in Flaws
                   /\ IsUpToDate(i, m.lastLogIndex, m.lastLogTerm) \/ IgnoreUpToDate \in Flaws
    IN /\ m.type = "RequestVote"
       /\ term' = [term EXCEPT ![i] = s.term]
       /\ votedFor' = [votedFor EXCEPT ![i] = IF granted THEN m.from ELSE s.votedFor]
       /\ role' = [role EXCEPT ![i] = s.role]
       /\ KeepVotes(i, s.role, votes[i])
       /\ KeepProgress(i, s.role)
       /\ Reply(m, [type |-> "RequestVoteResponse", from |-> i, to |-> m.from, term |-> s.term,
                    granted |-> granted])
       /\ UNCHANGED <<log, commitIndex, history>>

\* RaftNode.onVote and countVote: a candidate counts each voter once, and only
\* the votes of its own term. A majority, counting itself, makes it leader
\* (RaftNode.becomeLeader), which appends a no-op of its term at once (§8), so that
\* the entries of earlier terms can become committed (§5.4.2).
HandleRequestVoteResponse(m) ==
    LET i == m.to
        s == Observed(i, m.term)
        counted == IF s.role = CANDIDATE /\ m.granted /\ (m.term = s.term \/ CountOtherTerms \in Flaws)
                   THEN votes[i] \cup {m.from} ELSE votes[i]
        wins == s.role = CANDIDATE /\ IsQuorum(counted)
    IN /\ m.type = "RequestVoteResponse"
       /\ term' = [term EXCEPT ![i] = s.term]
       /\ votedFor' = [votedFor EXCEPT ![i] = s.votedFor]
       /\ KeepVotes(i, s.role, counted)
       /\ Consume(m)
       /\ IF wins
          THEN /\ role' = [role EXCEPT ![i] = LEADER]
               /\ log' = [log EXCEPT ![i] = Append(@, [term |-> s.term, command |-> "noop"])]
               /\ nextIndex' = [nextIndex EXCEPT ![i] = [j \in Server |-> LastIndex(i) + 1]]
               /\ matchIndex' = [matchIndex EXCEPT ![i] = [j \in Server |-> 0]]
               /\ elected' = elected \cup {<<s.term, i>>}
               /\ UNCHANGED <<commitIndex, committed, proposals, staleRead>>
          ELSE /\ role' = [role EXCEPT ![i] = s.role]
               /\ KeepProgress(i, s.role)
               /\ UNCHANGED <<log, commitIndex, history>>

\* RaftLog.appendEntries after a successful check at prev (§5.3): an existing entry
\* that matches the new one is kept, with everything after it; one that conflicts
\* is deleted with everything after it, and the new entry takes its place.
\* TRUNCATE_ON_MATCHING_APPEND deletes everything after prev in any case.
AppendAfter(l, prev, entries) ==
    IF TruncateOnMatch \in Flaws THEN SubSeq(l, 1, prev) \o entries
    ELSE IF entries = << >> THEN l
    ELSE IF Len(l) > prev /\ l[prev + 1].term = entries[1].term THEN l
    ELSE SubSeq(l, 1, prev) \o entries

\* RaftNode.onAppendEntries with Follower.append and CommitRule.followerCommit.
HandleAppendEntries(m) ==
    LET i == m.to
        s == Observed(i, m.term)
        \* §5.3: reply false if the log has no entry at prevLogIndex whose term is prevLogTerm
        logOk == \/ m.prevLogIndex = 0
                 \/ /\ m.prevLogIndex <= LastIndex(i)
                    /\ log[i][m.prevLogIndex].term = m.prevLogTerm
        current == m.term = s.term
        success == current /\ logOk
        confirmed == m.prevLogIndex + Len(m.entries)
    IN /\ m.type = "AppendEntries"
       /\ IF current /\ s.role = LEADER
          THEN \* another leader of our own term: impossible while the rules hold; ignored
               /\ Consume(m)
               /\ UNCHANGED <<durable, volatile, history>>
          ELSE /\ term' = [term EXCEPT ![i] = s.term]
               /\ votedFor' = [votedFor EXCEPT ![i] = s.votedFor]
               \* §5.2: a candidate that hears from a leader of its term steps down
               /\ LET r == IF current THEN FOLLOWER ELSE s.role
                  IN role' = [role EXCEPT ![i] = r] /\ KeepVotes(i, r, votes[i]) /\ KeepProgress(i, r)
               /\ log' = [log EXCEPT ![i] = IF success THEN AppendAfter(@, m.prevLogIndex, m.entries) ELSE @]
               \* CommitRule.followerCommit: a follower commits no further than this request
               \* confirmed, and never goes back
               /\ LET reach == IF CommitPastConfirmed \in Flaws
                               THEN Len(AppendAfter(log[i], m.prevLogIndex, m.entries)) ELSE confirmed
                      commit == IF LowerCommit \in Flaws THEN Min(m.leaderCommit, reach)
                                ELSE Max(commitIndex[i], Min(m.leaderCommit, reach))
                  IN commitIndex' = [commitIndex EXCEPT ![i] = IF success THEN commit ELSE @]
               /\ Reply(m, [type |-> "AppendEntriesResponse", from |-> i, to |-> m.from, term |-> s.term,
                            success |-> success,
                            matchIndex |-> IF success THEN confirmed ELSE 0,
                            hintIndex |-> IF success THEN 0
                                          ELSE IF current THEN ConflictHint(i, m.prevLogIndex)
                                          ELSE LastIndex(i) + 1])
               /\ UNCHANGED history

\* RaftNode.onInstallSnapshot with RaftLog.installSnapshot (Figure 13, 6 and 7): a snapshot
\* whose index is committed here already changes nothing; otherwise the follower keeps the
\* entries after the snapshot's index only if its entry there has the snapshot's term, and
\* commits up to the index. Both are answered as installed, which the leader takes as a
\* success up to the index (Leader.snapshotInstalled), modelled by the same answer as an
\* AppendEntries success. KEEP_LOG_ON_SNAPSHOT keeps a log that reaches the index as it is.
HandleInstallSnapshot(m) ==
    LET i == m.to
        s == Observed(i, m.term)
        current == m.term = s.term
        n == m.lastIncludedIndex
        fresh == current /\ n > commitIndex[i]
        keepOwn == KeepLogOnSnapshot \in Flaws /\ LastIndex(i) >= n
        follows == LastIndex(i) > n /\ log[i][n].term = m.lastIncludedTerm
    IN /\ m.type = "InstallSnapshot"
       /\ IF current /\ s.role = LEADER
          THEN /\ Consume(m)
               /\ UNCHANGED <<durable, volatile, history>>
          ELSE /\ term' = [term EXCEPT ![i] = s.term]
               /\ votedFor' = [votedFor EXCEPT ![i] = s.votedFor]
               /\ LET r == IF current THEN FOLLOWER ELSE s.role
                  IN role' = [role EXCEPT ![i] = r] /\ KeepVotes(i, r, votes[i]) /\ KeepProgress(i, r)
               /\ log' = [log EXCEPT ![i] = IF ~fresh \/ keepOwn THEN @
                                             ELSE IF follows THEN m.data \o SubSeq(@, n + 1, Len(@))
                                             ELSE m.data]
               /\ commitIndex' = [commitIndex EXCEPT ![i] = IF fresh THEN n ELSE @]
               /\ Reply(m, [type |-> "AppendEntriesResponse", from |-> i, to |-> m.from, term |-> s.term,
                            success |-> current, matchIndex |-> IF current THEN n ELSE 0,
                            hintIndex |-> IF current THEN 0 ELSE LastIndex(i) + 1])
               /\ UNCHANGED history

\* §5.4.2, CommitRule.leaderCommit: the highest index stored on a majority, counting
\* the leader, and only by counting replicas of an entry of the current term.
NewCommitIndex(i, match) ==
    LET onQuorum == {n \in (commitIndex[i] + 1)..LastIndex(i) :
                        /\ IsQuorum({i} \cup {j \in Server : match[j] >= n})
                        /\ \/ log[i][n].term = term[i]
                           \/ CommitEarlierTerm \in Flaws}
    IN IF onQuorum = {} THEN commitIndex[i] ELSE CHOOSE n \in onQuorum : \A k \in onQuorum : k <= n

\* RaftNode.onAppendEntriesResponse with Progress.succeeded and Progress.refused:
\* matchIndex only grows, and only from a success of the leader's own term; a
\* refusal moves nextIndex back to the hint, at least one entry, never below
\* matchIndex + 1. A success may let the leader commit more.
HandleAppendEntriesResponse(m) ==
    LET i == m.to
        s == Observed(i, m.term)
        j == m.from
        mine == s.role = LEADER /\ m.term = s.term
        match == [matchIndex[i] EXCEPT ![j] = IF mine /\ m.success THEN Max(@, m.matchIndex) ELSE @]
        commit == IF mine THEN NewCommitIndex(i, match) ELSE commitIndex[i]
    IN /\ m.type = "AppendEntriesResponse"
       /\ term' = [term EXCEPT ![i] = s.term]
       /\ votedFor' = [votedFor EXCEPT ![i] = s.votedFor]
       /\ role' = [role EXCEPT ![i] = s.role]
       /\ KeepVotes(i, s.role, votes[i])
       /\ IF s.role = LEADER
          THEN /\ matchIndex' = [matchIndex EXCEPT ![i] = match]
               /\ nextIndex' = [nextIndex EXCEPT ![i][j] =
                     IF ~mine THEN @
                     ELSE IF m.success THEN Max(@, match[j] + 1)
                     ELSE Max(matchIndex[i][j] + 1, Min(m.hintIndex, @ - 1))]
          ELSE KeepProgress(i, s.role)
       /\ commitIndex' = [commitIndex EXCEPT ![i] = commit]
       /\ committed' = committed \cup
             {[index |-> k, entry |-> log[i][k], term |-> s.term] :
                 k \in {n \in (commitIndex[i] + 1)..commit : \A c \in committed : c.index # n}}
       /\ Consume(m)
       /\ UNCHANGED <<log, elected, proposals, staleRead>>

\* The network hands one message in flight to its receiver (RaftNode.receive).
\* RaftNode.readIndex (thesis §6.4): a leader answers a read at its commit index once an entry
\* of its own term is committed there, and once a round of heartbeats that a majority answered
\* has shown it still leads. The round is abstracted: a majority is at the leader's term now.
\* A read changes nothing, so only a read that misses an entry committed somewhere is a step at
\* all: it sets staleRead, which ReadsSeeEveryCommittedEntry forbids. (Every other read would be
\* a step to the same state; leaving those out spares TLC the work.)
Read(i) ==
    /\ role[i] = LEADER
    /\ commitIndex[i] > 0 /\ log[i][commitIndex[i]].term = term[i]
    /\ ReadWithoutConfirming \in Flaws \/ IsQuorum({j \in Server : term[j] = term[i]})
    /\ \E c \in committed : c.index > commitIndex[i]
    /\ staleRead' = TRUE
    /\ UNCHANGED <<durable, volatile, messages, elected, committed, proposals>>

ReceiveRequestVote == \E m \in messages : HandleRequestVote(m)
ReceiveRequestVoteResponse == \E m \in messages : HandleRequestVoteResponse(m)
ReceiveAppendEntries == \E m \in messages : HandleAppendEntries(m)
ReceiveAppendEntriesResponse == \E m \in messages : HandleAppendEntriesResponse(m)
ReceiveInstallSnapshot == \E m \in messages : HandleInstallSnapshot(m)

Next == \/ \E i \in Server : BecomeCandidate(i) \/ Propose(i) \/ Restart(i) \/ Read(i)
        \/ \E i, j \in Server : RequestVote(i, j) \/ AppendEntries(i, j) \/ SendSnapshot(i, j)
        \/ ReceiveRequestVote \/ ReceiveRequestVoteResponse
        \/ ReceiveAppendEntries \/ ReceiveAppendEntriesResponse \/ ReceiveInstallSnapshot

Spec == Init /\ [][Next]_vars

----------------------------------------------------------------------------
\* §5.2 Election Safety: at most one leader per term, over the whole run.
OneLeaderPerTerm == \A e, f \in elected : e[1] = f[1] => e[2] = f[2]

\* §5.3 Log Matching: two logs with an entry of the same index and term are
\* identical up to that index.
LogMatching ==
    \A i, j \in Server : \A n \in 1..Min(LastIndex(i), LastIndex(j)) :
        log[i][n].term = log[j][n].term => SubSeq(log[i], 1, n) = SubSeq(log[j], 1, n)

\* §5.4 Leader Completeness: an entry committed in a term is in the log of every
\* leader of a later term.
LeaderCompleteness ==
    \A c \in committed : \A i \in Server :
        role[i] = LEADER /\ term[i] > c.term => c.index <= LastIndex(i) /\ log[i][c.index] = c.entry

\* §5.4.3 State Machine Safety: no two servers commit different entries at one index
\* (of the committed entries still in their logs: CommittedInLog is about the others).
Committed(i) == Min(commitIndex[i], LastIndex(i))
StateMachineSafety ==
    \A i, j \in Server : \A n \in 1..Min(Committed(i), Committed(j)) : log[i][n] = log[j][n]

\* Linearizable reads: no read answered by a leader misses an entry committed before it.
ReadsSeeEveryCommittedEntry == ~staleRead

\* A server's committed entries are still in its log.
CommittedInLog == \A i \in Server : commitIndex[i] <= LastIndex(i)

\* A property of steps, not states: a running server's commit index never goes back
\* (what it has handed to its state machine stays handed); only a crash forgets it.
CommitNeverGoesBack ==
    [][\A i \in Server : commitIndex'[i] >= commitIndex[i] \/ Restart(i)]_vars

\* For TLC: the bound on messages in flight, and the servers' symmetry.
InFlightBound == Cardinality(messages) <= MaxInFlight
Symmetry == Permutations(Server)
=============================================================================
